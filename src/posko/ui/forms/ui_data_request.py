# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'data_request.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_DataRequestDialog(object):
    def setupUi(self, DataRequestDialog):
        if not DataRequestDialog.objectName():
            DataRequestDialog.setObjectName(u"DataRequestDialog")
        DataRequestDialog.resize(960, 620)
        self.layout = QVBoxLayout(DataRequestDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(DataRequestDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.queryGrid = QGridLayout()
        self.queryGrid.setObjectName(u"queryGrid")
        self.nikLabel = QLabel(DataRequestDialog)
        self.nikLabel.setObjectName(u"nikLabel")

        self.queryGrid.addWidget(self.nikLabel, 0, 0, 1, 1)

        self.nikEdit = QLineEdit(DataRequestDialog)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setClearButtonEnabled(True)

        self.queryGrid.addWidget(self.nikEdit, 0, 1, 1, 1)

        self.phoneLabel = QLabel(DataRequestDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.queryGrid.addWidget(self.phoneLabel, 0, 2, 1, 1)

        self.phoneEdit = QLineEdit(DataRequestDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setClearButtonEnabled(True)

        self.queryGrid.addWidget(self.phoneEdit, 0, 3, 1, 1)

        self.nameLabel = QLabel(DataRequestDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.queryGrid.addWidget(self.nameLabel, 1, 0, 1, 1)

        self.nameEdit = QLineEdit(DataRequestDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setClearButtonEnabled(True)

        self.queryGrid.addWidget(self.nameEdit, 1, 1, 1, 3)

        self.searchButton = QPushButton(DataRequestDialog)
        self.searchButton.setObjectName(u"searchButton")

        self.queryGrid.addWidget(self.searchButton, 1, 4, 1, 1)

        self.errorLabel = QLabel(DataRequestDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.queryGrid.addWidget(self.errorLabel, 2, 0, 1, 5)


        self.layout.addLayout(self.queryGrid)

        self.resultsTable = QTableView(DataRequestDialog)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setAlternatingRowColors(True)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setWordWrap(False)
        self.resultsTable.horizontalHeader().setStretchLastSection(True)
        self.resultsTable.verticalHeader().setVisible(False)

        self.layout.addWidget(self.resultsTable)

        self.summaryLabel = QLabel(DataRequestDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.layout.addWidget(self.summaryLabel)

        self.progressBar = QProgressBar(DataRequestDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setVisible(False)
        self.progressBar.setMaximum(0)
        self.progressBar.setTextVisible(False)

        self.layout.addWidget(self.progressBar)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.exportButton = QPushButton(DataRequestDialog)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setEnabled(False)
        self.exportButton.setAutoDefault(False)

        self.actionRow.addWidget(self.exportButton)

        self.eraseButton = QPushButton(DataRequestDialog)
        self.eraseButton.setObjectName(u"eraseButton")
        self.eraseButton.setEnabled(False)
        self.eraseButton.setAutoDefault(False)

        self.actionRow.addWidget(self.eraseButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)

        self.buttons = QDialogButtonBox(DataRequestDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.actionRow.addWidget(self.buttons)


        self.layout.addLayout(self.actionRow)

#if QT_CONFIG(shortcut)
        self.nikLabel.setBuddy(self.nikEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nikEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.resultsTable)
        QWidget.setTabOrder(self.resultsTable, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.eraseButton)

        self.retranslateUi(DataRequestDialog)
        self.buttons.rejected.connect(DataRequestDialog.reject)

        self.searchButton.setDefault(True)


        QMetaObject.connectSlotsByName(DataRequestDialog)
    # setupUi

    def retranslateUi(self, DataRequestDialog):
        DataRequestDialog.setWindowTitle(QCoreApplication.translate("DataRequestDialog", u"Permintaan data warga", None))
        self.introLabel.setText(QCoreApplication.translate("DataRequestDialog", u"Cari semua data yang disimpan tentang seseorang (UU PDP Pasal 32): tiket yang ia laporkan dan tindak lanjut yang ia tanyakan. Cocokkan dengan KTP sebelum menyerahkan atau menghapus data.", None))
        self.nikLabel.setText(QCoreApplication.translate("DataRequestDialog", u"&NIK", None))
        self.nikEdit.setPlaceholderText(QCoreApplication.translate("DataRequestDialog", u"16 angka", None))
        self.phoneLabel.setText(QCoreApplication.translate("DataRequestDialog", u"&Telepon", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("DataRequestDialog", u"08\u2026 atau +62\u2026", None))
        self.nameLabel.setText(QCoreApplication.translate("DataRequestDialog", u"N&ama lengkap", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("DataRequestDialog", u"seperti di KTP (dicocokkan persis; sapaan seperti Ibu/Bpk. diabaikan)", None))
        self.searchButton.setText(QCoreApplication.translate("DataRequestDialog", u"&Cari", None))
        self.exportButton.setText(QCoreApplication.translate("DataRequestDialog", u"&Ekspor PDF + JSON\u2026", None))
        self.eraseButton.setText(QCoreApplication.translate("DataRequestDialog", u"&Hapus data (anonimkan)\u2026", None))
    # retranslateUi


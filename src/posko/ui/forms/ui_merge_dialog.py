# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'merge_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHeaderView,
    QLabel, QLineEdit, QSizePolicy, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_MergeDialog(object):
    def setupUi(self, MergeDialog):
        if not MergeDialog.objectName():
            MergeDialog.setObjectName(u"MergeDialog")
        MergeDialog.resize(900, 460)
        self.layout = QVBoxLayout(MergeDialog)
        self.layout.setObjectName(u"layout")
        self.headingLabel = QLabel(MergeDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-weight: bold;")
        self.headingLabel.setWordWrap(True)

        self.layout.addWidget(self.headingLabel)

        self.ticketsTree = QTreeWidget(MergeDialog)
        self.ticketsTree.setObjectName(u"ticketsTree")
        self.ticketsTree.setRootIsDecorated(False)
        self.ticketsTree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.ticketsTree.setAlternatingRowColors(True)

        self.layout.addWidget(self.ticketsTree)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.survivorLabel = QLabel(MergeDialog)
        self.survivorLabel.setObjectName(u"survivorLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.survivorLabel)

        self.survivorCombo = QComboBox(MergeDialog)
        self.survivorCombo.setObjectName(u"survivorCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.survivorCombo)

        self.noteLabel = QLabel(MergeDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(MergeDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setMaxLength(2000)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.layout.addLayout(self.form)

        self.summaryLabel = QLabel(MergeDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setStyleSheet(u"background: #fff8e1; border: 1px solid #ffcc80; padding: 6px;")

        self.layout.addWidget(self.summaryLabel)

        self.errorLabel = QLabel(MergeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(MergeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.survivorLabel.setBuddy(self.survivorCombo)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.survivorCombo, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.ticketsTree)

        self.retranslateUi(MergeDialog)

        QMetaObject.connectSlotsByName(MergeDialog)
    # setupUi

    def retranslateUi(self, MergeDialog):
        MergeDialog.setWindowTitle(QCoreApplication.translate("MergeDialog", u"Gabungkan tiket", None))
        self.headingLabel.setText(QCoreApplication.translate("MergeDialog", u"Tiket-tiket ini tentang masalah yang sama? Pilih satu tiket utama; tiket lain akan berstatus digabung dan menunjuk ke tiket utama.", None))
        ___qtreewidgetitem = self.ticketsTree.headerItem()
        ___qtreewidgetitem.setText(7, QCoreApplication.translate("MergeDialog", u"Tindak lanjut", None))
        ___qtreewidgetitem.setText(6, QCoreApplication.translate("MergeDialog", u"Nomor aplikasi", None))
        ___qtreewidgetitem.setText(5, QCoreApplication.translate("MergeDialog", u"Dibuat", None))
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("MergeDialog", u"Status", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("MergeDialog", u"Kelurahan", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("MergeDialog", u"Kategori", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("MergeDialog", u"Kode pelacakan", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("MergeDialog", u"Peran", None))
        self.survivorLabel.setText(QCoreApplication.translate("MergeDialog", u"&Tiket utama", None))
        self.noteLabel.setText(QCoreApplication.translate("MergeDialog", u"&Catatan", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("MergeDialog", u"boleh dikosongkan, mis. lokasi dan masalah sama", None))
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lookup_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_LookupPage(object):
    def setupUi(self, LookupPage):
        if not LookupPage.objectName():
            LookupPage.setObjectName(u"LookupPage")
        self.layout = QVBoxLayout(LookupPage)
        self.layout.setObjectName(u"layout")
        self.heading = QLabel(LookupPage)
        self.heading.setObjectName(u"heading")

        self.layout.addWidget(self.heading)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchBox = QLineEdit(LookupPage)
        self.searchBox.setObjectName(u"searchBox")
        self.searchBox.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchBox)

        self.serverButton = QPushButton(LookupPage)
        self.serverButton.setObjectName(u"serverButton")

        self.searchRow.addWidget(self.serverButton)

        self.open311Button = QPushButton(LookupPage)
        self.open311Button.setObjectName(u"open311Button")

        self.searchRow.addWidget(self.open311Button)


        self.layout.addLayout(self.searchRow)

        self.resultsTable = QTableView(LookupPage)
        self.resultsTable.setObjectName(u"resultsTable")
        self.resultsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.resultsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsTable.setSortingEnabled(True)

        self.layout.addWidget(self.resultsTable)

        self.resultRow = QHBoxLayout()
        self.resultRow.setObjectName(u"resultRow")
        self.resultLabel = QLabel(LookupPage)
        self.resultLabel.setObjectName(u"resultLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.resultLabel.sizePolicy().hasHeightForWidth())
        self.resultLabel.setSizePolicy(sizePolicy)

        self.resultRow.addWidget(self.resultLabel)

        self.mergeButton = QPushButton(LookupPage)
        self.mergeButton.setObjectName(u"mergeButton")

        self.resultRow.addWidget(self.mergeButton)


        self.layout.addLayout(self.resultRow)


        self.retranslateUi(LookupPage)

        QMetaObject.connectSlotsByName(LookupPage)
    # setupUi

    def retranslateUi(self, LookupPage):
        self.heading.setText(QCoreApplication.translate("LookupPage", u"Cari tiket: kode pelacakan, nomor aplikasi (QLUE/JAKI/LAPOR\u2026), nama, telepon, atau jalan.", None))
        self.searchBox.setPlaceholderText(QCoreApplication.translate("LookupPage", u"mis. QLUE 1234567, 0812\u2026, Jl. Raya Bogor", None))
        self.serverButton.setText(QCoreApplication.translate("LookupPage", u"Cari di server juga", None))
        self.open311Button.setText(QCoreApplication.translate("LookupPage", u"Cari di Open311", None))
        self.resultLabel.setText("")
        self.mergeButton.setText(QCoreApplication.translate("LookupPage", u"&Gabungkan\u2026", None))
        pass
    # retranslateUi


# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'audit_log.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_AuditLogDialog(object):
    def setupUi(self, AuditLogDialog):
        if not AuditLogDialog.objectName():
            AuditLogDialog.setObjectName(u"AuditLogDialog")
        AuditLogDialog.resize(1000, 640)
        self.layout = QVBoxLayout(AuditLogDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(AuditLogDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.filterGrid = QGridLayout()
        self.filterGrid.setObjectName(u"filterGrid")
        self.officerLabel = QLabel(AuditLogDialog)
        self.officerLabel.setObjectName(u"officerLabel")

        self.filterGrid.addWidget(self.officerLabel, 0, 0, 1, 1)

        self.officerCombo = QComboBox(AuditLogDialog)
        self.officerCombo.setObjectName(u"officerCombo")

        self.filterGrid.addWidget(self.officerCombo, 0, 1, 1, 1)

        self.actionLabel = QLabel(AuditLogDialog)
        self.actionLabel.setObjectName(u"actionLabel")

        self.filterGrid.addWidget(self.actionLabel, 0, 2, 1, 1)

        self.actionCombo = QComboBox(AuditLogDialog)
        self.actionCombo.setObjectName(u"actionCombo")

        self.filterGrid.addWidget(self.actionCombo, 0, 3, 1, 1)

        self.ticketLabel = QLabel(AuditLogDialog)
        self.ticketLabel.setObjectName(u"ticketLabel")

        self.filterGrid.addWidget(self.ticketLabel, 0, 4, 1, 1)

        self.ticketEdit = QLineEdit(AuditLogDialog)
        self.ticketEdit.setObjectName(u"ticketEdit")
        self.ticketEdit.setClearButtonEnabled(True)

        self.filterGrid.addWidget(self.ticketEdit, 0, 5, 1, 1)

        self.dateGroup = QGroupBox(AuditLogDialog)
        self.dateGroup.setObjectName(u"dateGroup")
        self.dateGroup.setCheckable(True)
        self.dateGroup.setChecked(False)
        self.dateLayout = QHBoxLayout(self.dateGroup)
        self.dateLayout.setObjectName(u"dateLayout")
        self.fromLabel = QLabel(self.dateGroup)
        self.fromLabel.setObjectName(u"fromLabel")

        self.dateLayout.addWidget(self.fromLabel)

        self.fromDate = QDateEdit(self.dateGroup)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)
        self.fromDate.setDisplayFormat(u"dd-MM-yyyy")

        self.dateLayout.addWidget(self.fromDate)

        self.toLabel = QLabel(self.dateGroup)
        self.toLabel.setObjectName(u"toLabel")

        self.dateLayout.addWidget(self.toLabel)

        self.toDate = QDateEdit(self.dateGroup)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)
        self.toDate.setDisplayFormat(u"dd-MM-yyyy")

        self.dateLayout.addWidget(self.toDate)

        self.dateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateLayout.addItem(self.dateSpacer)


        self.filterGrid.addWidget(self.dateGroup, 1, 0, 1, 4)

        self.applyRow = QHBoxLayout()
        self.applyRow.setObjectName(u"applyRow")
        self.filterError = QLabel(AuditLogDialog)
        self.filterError.setObjectName(u"filterError")
        self.filterError.setStyleSheet(u"color: #b00020;")
        self.filterError.setWordWrap(True)

        self.applyRow.addWidget(self.filterError)

        self.applyButton = QPushButton(AuditLogDialog)
        self.applyButton.setObjectName(u"applyButton")

        self.applyRow.addWidget(self.applyButton)

        self.applyRow.setStretch(0, 1)

        self.filterGrid.addLayout(self.applyRow, 1, 4, 1, 2)


        self.layout.addLayout(self.filterGrid)

        self.auditTable = QTableView(AuditLogDialog)
        self.auditTable.setObjectName(u"auditTable")
        self.auditTable.setAlternatingRowColors(True)
        self.auditTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.auditTable.setWordWrap(False)
        self.auditTable.horizontalHeader().setStretchLastSection(True)
        self.auditTable.verticalHeader().setVisible(False)

        self.layout.addWidget(self.auditTable)

        self.footerRow = QHBoxLayout()
        self.footerRow.setObjectName(u"footerRow")
        self.countLabel = QLabel(AuditLogDialog)
        self.countLabel.setObjectName(u"countLabel")

        self.footerRow.addWidget(self.countLabel)

        self.footerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.footerRow.addItem(self.footerSpacer)

        self.moreButton = QPushButton(AuditLogDialog)
        self.moreButton.setObjectName(u"moreButton")
        self.moreButton.setAutoDefault(False)

        self.footerRow.addWidget(self.moreButton)

        self.exportButton = QPushButton(AuditLogDialog)
        self.exportButton.setObjectName(u"exportButton")
        self.exportButton.setAutoDefault(False)

        self.footerRow.addWidget(self.exportButton)

        self.buttons = QDialogButtonBox(AuditLogDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.footerRow.addWidget(self.buttons)


        self.layout.addLayout(self.footerRow)

#if QT_CONFIG(shortcut)
        self.officerLabel.setBuddy(self.officerCombo)
        self.actionLabel.setBuddy(self.actionCombo)
        self.ticketLabel.setBuddy(self.ticketEdit)
        self.fromLabel.setBuddy(self.fromDate)
        self.toLabel.setBuddy(self.toDate)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.officerCombo, self.actionCombo)
        QWidget.setTabOrder(self.actionCombo, self.ticketEdit)
        QWidget.setTabOrder(self.ticketEdit, self.dateGroup)
        QWidget.setTabOrder(self.dateGroup, self.fromDate)
        QWidget.setTabOrder(self.fromDate, self.toDate)
        QWidget.setTabOrder(self.toDate, self.applyButton)
        QWidget.setTabOrder(self.applyButton, self.auditTable)
        QWidget.setTabOrder(self.auditTable, self.moreButton)
        QWidget.setTabOrder(self.moreButton, self.exportButton)

        self.retranslateUi(AuditLogDialog)
        self.buttons.rejected.connect(AuditLogDialog.reject)

        self.applyButton.setDefault(True)


        QMetaObject.connectSlotsByName(AuditLogDialog)
    # setupUi

    def retranslateUi(self, AuditLogDialog):
        AuditLogDialog.setWindowTitle(QCoreApplication.translate("AuditLogDialog", u"Log audit", None))
        self.introLabel.setText(QCoreApplication.translate("AuditLogDialog", u"Siapa melihat NIK lengkap atau mengubah apa, dan kapan. Waktu menurut zona waktu kecamatan.", None))
        self.officerLabel.setText(QCoreApplication.translate("AuditLogDialog", u"&Petugas", None))
        self.actionLabel.setText(QCoreApplication.translate("AuditLogDialog", u"&Tindakan", None))
        self.ticketLabel.setText(QCoreApplication.translate("AuditLogDialog", u"T&iket", None))
        self.ticketEdit.setPlaceholderText(QCoreApplication.translate("AuditLogDialog", u"kode pelacakan atau UUID", None))
        self.dateGroup.setTitle(QCoreApplication.translate("AuditLogDialog", u"&Batasi tanggal", None))
        self.fromLabel.setText(QCoreApplication.translate("AuditLogDialog", u"dari", None))
        self.toLabel.setText(QCoreApplication.translate("AuditLogDialog", u"sampai", None))
        self.applyButton.setText(QCoreApplication.translate("AuditLogDialog", u"T&ampilkan", None))
        self.moreButton.setText(QCoreApplication.translate("AuditLogDialog", u"&Muat lebih banyak", None))
        self.exportButton.setText(QCoreApplication.translate("AuditLogDialog", u"&Ekspor CSV\u2026", None))
    # retranslateUi


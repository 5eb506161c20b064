# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'ticket_detail.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QSizePolicy, QSpacerItem, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_TicketDetailDialog(object):
    def setupUi(self, TicketDetailDialog):
        if not TicketDetailDialog.objectName():
            TicketDetailDialog.setObjectName(u"TicketDetailDialog")
        TicketDetailDialog.resize(1180, 780)
        self.layout = QVBoxLayout(TicketDetailDialog)
        self.layout.setObjectName(u"layout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.codeLabel = QLabel(TicketDetailDialog)
        self.codeLabel.setObjectName(u"codeLabel")
        self.codeLabel.setStyleSheet(u"font-size: 24pt; font-weight: bold; letter-spacing: 2px;")
        self.codeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.codeLabel)

        self.statusBadge = QLabel(TicketDetailDialog)
        self.statusBadge.setObjectName(u"statusBadge")
        self.statusBadge.setStyleSheet(u"padding: 4px 12px; border-radius: 10px; font-weight: bold; color: #ffffff; background: #555555;")

        self.headerLayout.addWidget(self.statusBadge)

        self.overdueBadge = QLabel(TicketDetailDialog)
        self.overdueBadge.setObjectName(u"overdueBadge")
        self.overdueBadge.setStyleSheet(u"padding: 4px 12px; border-radius: 10px; font-weight: bold; color: #ffffff; background: #b00020;")

        self.headerLayout.addWidget(self.overdueBadge)

        self.syncBadge = QLabel(TicketDetailDialog)
        self.syncBadge.setObjectName(u"syncBadge")
        self.syncBadge.setStyleSheet(u"padding: 4px 12px; border-radius: 10px; font-weight: bold; color: #ffffff; background: #455a64;")

        self.headerLayout.addWidget(self.syncBadge)

        self.resendButton = QPushButton(TicketDetailDialog)
        self.resendButton.setObjectName(u"resendButton")

        self.headerLayout.addWidget(self.resendButton)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.originLabel = QLabel(TicketDetailDialog)
        self.originLabel.setObjectName(u"originLabel")

        self.headerLayout.addWidget(self.originLabel)


        self.layout.addLayout(self.headerLayout)

        self.syncReasonLabel = QLabel(TicketDetailDialog)
        self.syncReasonLabel.setObjectName(u"syncReasonLabel")
        self.syncReasonLabel.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.syncReasonLabel.setWordWrap(True)
        self.syncReasonLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.syncReasonLabel)

        self.conflictsGroup = QGroupBox(TicketDetailDialog)
        self.conflictsGroup.setObjectName(u"conflictsGroup")
        self.conflictsGroup.setStyleSheet(u"QGroupBox#conflictsGroup { border: 2px solid #e65100; margin-top: 1.2em; padding-top: 4px; } QGroupBox#conflictsGroup::title { subcontrol-origin: margin; left: 8px; color: #e65100; font-weight: bold; }")
        self.conflictsLayout = QVBoxLayout(self.conflictsGroup)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.conflictsHint = QLabel(self.conflictsGroup)
        self.conflictsHint.setObjectName(u"conflictsHint")
        self.conflictsHint.setWordWrap(True)

        self.conflictsLayout.addWidget(self.conflictsHint)

        self.conflictsTree = QTreeWidget(self.conflictsGroup)
        self.conflictsTree.headerItem().setText(4, "")
        self.conflictsTree.setObjectName(u"conflictsTree")
        self.conflictsTree.setRootIsDecorated(False)
        self.conflictsTree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.conflictsTree.setMaximumSize(QSize(16777215, 130))

        self.conflictsLayout.addWidget(self.conflictsTree)


        self.layout.addWidget(self.conflictsGroup)

        self.mergeBanner = QFrame(TicketDetailDialog)
        self.mergeBanner.setObjectName(u"mergeBanner")
        self.mergeBanner.setStyleSheet(u"QFrame#mergeBanner { background: #eceff1; border: 2px solid #555555; border-radius: 4px; }")
        self.mergeBannerLayout = QVBoxLayout(self.mergeBanner)
        self.mergeBannerLayout.setObjectName(u"mergeBannerLayout")
        self.mergeRow = QHBoxLayout()
        self.mergeRow.setObjectName(u"mergeRow")
        self.mergeLabel = QLabel(self.mergeBanner)
        self.mergeLabel.setObjectName(u"mergeLabel")
        self.mergeLabel.setStyleSheet(u"font-weight: bold;")
        self.mergeLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.mergeLabel.sizePolicy().hasHeightForWidth())
        self.mergeLabel.setSizePolicy(sizePolicy)

        self.mergeRow.addWidget(self.mergeLabel)

        self.openSurvivorButton = QPushButton(self.mergeBanner)
        self.openSurvivorButton.setObjectName(u"openSurvivorButton")

        self.mergeRow.addWidget(self.openSurvivorButton)

        self.undoMergeButton = QPushButton(self.mergeBanner)
        self.undoMergeButton.setObjectName(u"undoMergeButton")

        self.mergeRow.addWidget(self.undoMergeButton)


        self.mergeBannerLayout.addLayout(self.mergeRow)

        self.mergeError = QLabel(self.mergeBanner)
        self.mergeError.setObjectName(u"mergeError")
        self.mergeError.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.mergeError.setWordWrap(True)

        self.mergeBannerLayout.addWidget(self.mergeError)


        self.layout.addWidget(self.mergeBanner)

        self.bodyLayout = QHBoxLayout()
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.detailsGroup = QGroupBox(TicketDetailDialog)
        self.detailsGroup.setObjectName(u"detailsGroup")
        self.detailsForm = QFormLayout(self.detailsGroup)
        self.detailsForm.setObjectName(u"detailsForm")
        self.categoryCaption = QLabel(self.detailsGroup)
        self.categoryCaption.setObjectName(u"categoryCaption")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categoryCaption)

        self.categoryValue = QLabel(self.detailsGroup)
        self.categoryValue.setObjectName(u"categoryValue")
        self.categoryValue.setWordWrap(True)

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.categoryValue)

        self.locationCaption = QLabel(self.detailsGroup)
        self.locationCaption.setObjectName(u"locationCaption")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.locationCaption)

        self.locationValue = QLabel(self.detailsGroup)
        self.locationValue.setObjectName(u"locationValue")
        self.locationValue.setWordWrap(True)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.locationValue)

        self.descriptionCaption = QLabel(self.detailsGroup)
        self.descriptionCaption.setObjectName(u"descriptionCaption")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionCaption)

        self.descriptionValue = QLabel(self.detailsGroup)
        self.descriptionValue.setObjectName(u"descriptionValue")
        self.descriptionValue.setWordWrap(True)
        self.descriptionValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.descriptionValue)

        self.reporterCaption = QLabel(self.detailsGroup)
        self.reporterCaption.setObjectName(u"reporterCaption")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reporterCaption)

        self.reporterValue = QLabel(self.detailsGroup)
        self.reporterValue.setObjectName(u"reporterValue")
        self.reporterValue.setWordWrap(True)

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reporterValue)

        self.phoneCaption = QLabel(self.detailsGroup)
        self.phoneCaption.setObjectName(u"phoneCaption")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneCaption)

        self.phoneValue = QLabel(self.detailsGroup)
        self.phoneValue.setObjectName(u"phoneValue")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneValue)

        self.nikCaption = QLabel(self.detailsGroup)
        self.nikCaption.setObjectName(u"nikCaption")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.nikCaption)

        self.nikValue = QLabel(self.detailsGroup)
        self.nikValue.setObjectName(u"nikValue")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.nikValue)

        self.contactCaption = QLabel(self.detailsGroup)
        self.contactCaption.setObjectName(u"contactCaption")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.contactCaption)

        self.contactValue = QLabel(self.detailsGroup)
        self.contactValue.setObjectName(u"contactValue")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.contactValue)

        self.officerCaption = QLabel(self.detailsGroup)
        self.officerCaption.setObjectName(u"officerCaption")

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.officerCaption)

        self.officerValue = QLabel(self.detailsGroup)
        self.officerValue.setObjectName(u"officerValue")
        self.officerValue.setWordWrap(True)

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.officerValue)

        self.consentCaption = QLabel(self.detailsGroup)
        self.consentCaption.setObjectName(u"consentCaption")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.consentCaption)

        self.consentValue = QLabel(self.detailsGroup)
        self.consentValue.setObjectName(u"consentValue")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.consentValue)

        self.refsCaption = QLabel(self.detailsGroup)
        self.refsCaption.setObjectName(u"refsCaption")

        self.detailsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.refsCaption)

        self.refsList = QListWidget(self.detailsGroup)
        self.refsList.setObjectName(u"refsList")
        self.refsList.setMaximumSize(QSize(16777215, 80))

        self.detailsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.refsList)

        self.attachmentsCaption = QLabel(self.detailsGroup)
        self.attachmentsCaption.setObjectName(u"attachmentsCaption")

        self.detailsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.attachmentsCaption)

        self.attachmentsList = QListWidget(self.detailsGroup)
        self.attachmentsList.setObjectName(u"attachmentsList")
        self.attachmentsList.setMaximumSize(QSize(16777215, 80))

        self.detailsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.attachmentsList)


        self.leftColumn.addWidget(self.detailsGroup)

        self.slaGroup = QGroupBox(TicketDetailDialog)
        self.slaGroup.setObjectName(u"slaGroup")
        self.slaLayout = QVBoxLayout(self.slaGroup)
        self.slaLayout.setObjectName(u"slaLayout")
        self.slaTree = QTreeWidget(self.slaGroup)
        self.slaTree.setObjectName(u"slaTree")
        self.slaTree.setRootIsDecorated(False)
        self.slaTree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.slaTree.setMaximumSize(QSize(16777215, 130))

        self.slaLayout.addWidget(self.slaTree)


        self.leftColumn.addWidget(self.slaGroup)

        self.leftColumn.setStretch(0, 1)

        self.bodyLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.timelineGroup = QGroupBox(TicketDetailDialog)
        self.timelineGroup.setObjectName(u"timelineGroup")
        self.timelineLayout = QVBoxLayout(self.timelineGroup)
        self.timelineLayout.setObjectName(u"timelineLayout")
        self.timelineTree = QTreeWidget(self.timelineGroup)
        self.timelineTree.setObjectName(u"timelineTree")
        self.timelineTree.setRootIsDecorated(False)
        self.timelineTree.setAlternatingRowColors(True)
        self.timelineTree.setWordWrap(True)

        self.timelineLayout.addWidget(self.timelineTree)


        self.rightColumn.addWidget(self.timelineGroup)

        self.actionsGroup = QGroupBox(TicketDetailDialog)
        self.actionsGroup.setObjectName(u"actionsGroup")
        self.actionsLayout = QVBoxLayout(self.actionsGroup)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.validationGroup = QGroupBox(self.actionsGroup)
        self.validationGroup.setObjectName(u"validationGroup")
        self.validationGroup.setStyleSheet(u"QGroupBox#validationGroup { border: 2px solid #0b4f9c; margin-top: 1.2em; padding-top: 4px; } QGroupBox#validationGroup::title { subcontrol-origin: margin; left: 8px; color: #0b4f9c; font-weight: bold; }")
        self.validationLayout = QVBoxLayout(self.validationGroup)
        self.validationLayout.setObjectName(u"validationLayout")
        self.validationHint = QLabel(self.validationGroup)
        self.validationHint.setObjectName(u"validationHint")
        self.validationHint.setWordWrap(True)

        self.validationLayout.addWidget(self.validationHint)

        self.validationButtons = QHBoxLayout()
        self.validationButtons.setObjectName(u"validationButtons")
        self.confirmDoneButton = QPushButton(self.validationGroup)
        self.confirmDoneButton.setObjectName(u"confirmDoneButton")

        self.validationButtons.addWidget(self.confirmDoneButton)

        self.rejectFollowUpButton = QPushButton(self.validationGroup)
        self.rejectFollowUpButton.setObjectName(u"rejectFollowUpButton")

        self.validationButtons.addWidget(self.rejectFollowUpButton)

        self.validationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.validationButtons.addItem(self.validationSpacer)


        self.validationLayout.addLayout(self.validationButtons)

        self.rejectPanel = QWidget(self.validationGroup)
        self.rejectPanel.setObjectName(u"rejectPanel")
        self.rejectRow = QHBoxLayout(self.rejectPanel)
        self.rejectRow.setObjectName(u"rejectRow")
        self.rejectRow.setContentsMargins(0, 0, 0, 0)
        self.rejectReasonLabel = QLabel(self.rejectPanel)
        self.rejectReasonLabel.setObjectName(u"rejectReasonLabel")

        self.rejectRow.addWidget(self.rejectReasonLabel)

        self.rejectReasonEdit = QLineEdit(self.rejectPanel)
        self.rejectReasonEdit.setObjectName(u"rejectReasonEdit")
        self.rejectReasonEdit.setMaxLength(2000)

        self.rejectRow.addWidget(self.rejectReasonEdit)

        self.sendRejectButton = QPushButton(self.rejectPanel)
        self.sendRejectButton.setObjectName(u"sendRejectButton")

        self.rejectRow.addWidget(self.sendRejectButton)

        self.cancelRejectButton = QPushButton(self.rejectPanel)
        self.cancelRejectButton.setObjectName(u"cancelRejectButton")

        self.rejectRow.addWidget(self.cancelRejectButton)


        self.validationLayout.addWidget(self.rejectPanel)

        self.validationError = QLabel(self.validationGroup)
        self.validationError.setObjectName(u"validationError")
        self.validationError.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.validationError.setWordWrap(True)

        self.validationLayout.addWidget(self.validationError)


        self.actionsLayout.addWidget(self.validationGroup)

        self.statusForm = QFormLayout()
        self.statusForm.setObjectName(u"statusForm")
        self.statusComboLabel = QLabel(self.actionsGroup)
        self.statusComboLabel.setObjectName(u"statusComboLabel")

        self.statusForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusComboLabel)

        self.statusRow = QHBoxLayout()
        self.statusRow.setObjectName(u"statusRow")
        self.statusCombo = QComboBox(self.actionsGroup)
        self.statusCombo.setObjectName(u"statusCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.statusCombo.sizePolicy().hasHeightForWidth())
        self.statusCombo.setSizePolicy(sizePolicy1)

        self.statusRow.addWidget(self.statusCombo)

        self.changeStatusButton = QPushButton(self.actionsGroup)
        self.changeStatusButton.setObjectName(u"changeStatusButton")

        self.statusRow.addWidget(self.changeStatusButton)


        self.statusForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.statusRow)

        self.agencyLabel = QLabel(self.actionsGroup)
        self.agencyLabel.setObjectName(u"agencyLabel")

        self.statusForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.agencyLabel)

        self.agencyEdit = QLineEdit(self.actionsGroup)
        self.agencyEdit.setObjectName(u"agencyEdit")
        self.agencyEdit.setMaxLength(200)

        self.statusForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.agencyEdit)

        self.statusNoteLabel = QLabel(self.actionsGroup)
        self.statusNoteLabel.setObjectName(u"statusNoteLabel")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusNoteLabel)

        self.statusNoteEdit = QLineEdit(self.actionsGroup)
        self.statusNoteEdit.setObjectName(u"statusNoteEdit")

        self.statusForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.statusNoteEdit)


        self.actionsLayout.addLayout(self.statusForm)

        self.statusError = QLabel(self.actionsGroup)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.statusError.setWordWrap(True)

        self.actionsLayout.addWidget(self.statusError)

        self.noteRow = QHBoxLayout()
        self.noteRow.setObjectName(u"noteRow")
        self.noteEdit = QLineEdit(self.actionsGroup)
        self.noteEdit.setObjectName(u"noteEdit")

        self.noteRow.addWidget(self.noteEdit)

        self.addNoteButton = QPushButton(self.actionsGroup)
        self.addNoteButton.setObjectName(u"addNoteButton")

        self.noteRow.addWidget(self.addNoteButton)


        self.actionsLayout.addLayout(self.noteRow)

        self.noteError = QLabel(self.actionsGroup)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.noteError.setWordWrap(True)

        self.actionsLayout.addWidget(self.noteError)

        self.refRow = QHBoxLayout()
        self.refRow.setObjectName(u"refRow")
        self.refEdit = QLineEdit(self.actionsGroup)
        self.refEdit.setObjectName(u"refEdit")

        self.refRow.addWidget(self.refEdit)

        self.addRefButton = QPushButton(self.actionsGroup)
        self.addRefButton.setObjectName(u"addRefButton")

        self.refRow.addWidget(self.addRefButton)


        self.actionsLayout.addLayout(self.refRow)

        self.refError = QLabel(self.actionsGroup)
        self.refError.setObjectName(u"refError")
        self.refError.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.refError.setWordWrap(True)

        self.actionsLayout.addWidget(self.refError)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.chaseButton = QPushButton(self.actionsGroup)
        self.chaseButton.setObjectName(u"chaseButton")

        self.buttonsRow.addWidget(self.chaseButton)

        self.reprintButton = QPushButton(self.actionsGroup)
        self.reprintButton.setObjectName(u"reprintButton")

        self.buttonsRow.addWidget(self.reprintButton)

        self.printCaseButton = QPushButton(self.actionsGroup)
        self.printCaseButton.setObjectName(u"printCaseButton")

        self.buttonsRow.addWidget(self.printCaseButton)

        self.internalNotesCheck = QCheckBox(self.actionsGroup)
        self.internalNotesCheck.setObjectName(u"internalNotesCheck")

        self.buttonsRow.addWidget(self.internalNotesCheck)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)


        self.actionsLayout.addLayout(self.buttonsRow)


        self.rightColumn.addWidget(self.actionsGroup)

        self.rightColumn.setStretch(0, 1)

        self.bodyLayout.addLayout(self.rightColumn)

        self.bodyLayout.setStretch(0, 2)
        self.bodyLayout.setStretch(1, 3)

        self.layout.addLayout(self.bodyLayout)

        self.buttons = QDialogButtonBox(TicketDetailDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.rejectReasonLabel.setBuddy(self.rejectReasonEdit)
        self.statusComboLabel.setBuddy(self.statusCombo)
        self.agencyLabel.setBuddy(self.agencyEdit)
        self.statusNoteLabel.setBuddy(self.statusNoteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.confirmDoneButton, self.rejectFollowUpButton)
        QWidget.setTabOrder(self.rejectFollowUpButton, self.rejectReasonEdit)
        QWidget.setTabOrder(self.rejectReasonEdit, self.sendRejectButton)
        QWidget.setTabOrder(self.sendRejectButton, self.cancelRejectButton)
        QWidget.setTabOrder(self.cancelRejectButton, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.agencyEdit)
        QWidget.setTabOrder(self.agencyEdit, self.statusNoteEdit)
        QWidget.setTabOrder(self.statusNoteEdit, self.changeStatusButton)
        QWidget.setTabOrder(self.changeStatusButton, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.addNoteButton)
        QWidget.setTabOrder(self.addNoteButton, self.refEdit)
        QWidget.setTabOrder(self.refEdit, self.addRefButton)
        QWidget.setTabOrder(self.addRefButton, self.chaseButton)
        QWidget.setTabOrder(self.chaseButton, self.reprintButton)
        QWidget.setTabOrder(self.reprintButton, self.printCaseButton)
        QWidget.setTabOrder(self.printCaseButton, self.internalNotesCheck)
        QWidget.setTabOrder(self.internalNotesCheck, self.timelineTree)

        self.retranslateUi(TicketDetailDialog)
        self.buttons.rejected.connect(TicketDetailDialog.reject)

        QMetaObject.connectSlotsByName(TicketDetailDialog)
    # setupUi

    def retranslateUi(self, TicketDetailDialog):
        TicketDetailDialog.setWindowTitle(QCoreApplication.translate("TicketDetailDialog", u"Rincian tiket", None))
        self.codeLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"Memuat\u2026", None))
        self.overdueBadge.setText(QCoreApplication.translate("TicketDetailDialog", u"Lewat tenggat", None))
#if QT_CONFIG(tooltip)
        self.resendButton.setToolTip(QCoreApplication.translate("TicketDetailDialog", u"Masukkan lagi perubahan yang tertahan ke antrean kirim, lalu sinkronkan. Tidak ada yang dihapus.", None))
#endif // QT_CONFIG(tooltip)
        self.resendButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Kirim ulang", None))
        self.conflictsGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Konflik sinkronisasi", None))
        self.conflictsHint.setText(QCoreApplication.translate("TicketDetailDialog", u"Perubahan dari meja ini bertabrakan dengan data di server kota. Data server sudah dipakai di meja ini; periksa, lalu tandai selesai.", None))
        ___qtreewidgetitem = self.conflictsTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("TicketDetailDialog", u"Di server kota", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("TicketDetailDialog", u"Di meja ini", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("TicketDetailDialog", u"Perubahan", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("TicketDetailDialog", u"Waktu", None))
        self.openSurvivorButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Buka tiket &utama", None))
        self.undoMergeButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Batalkan penggabungan", None))
        self.detailsGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Rincian", None))
        self.categoryCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Kategori", None))
        self.locationCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Lokasi", None))
        self.descriptionCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Uraian", None))
        self.reporterCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Pelapor", None))
        self.phoneCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Telepon", None))
        self.nikCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"NIK", None))
        self.contactCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Dihubungi lewat", None))
        self.officerCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Dicatat oleh", None))
        self.consentCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Persetujuan", None))
        self.refsCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Nomor aplikasi", None))
        self.attachmentsCaption.setText(QCoreApplication.translate("TicketDetailDialog", u"Lampiran", None))
        self.slaGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Tenggat layanan (SLA, hari kerja)", None))
        ___qtreewidgetitem1 = self.slaTree.headerItem()
        ___qtreewidgetitem1.setText(2, QCoreApplication.translate("TicketDetailDialog", u"Keadaan", None))
        ___qtreewidgetitem1.setText(1, QCoreApplication.translate("TicketDetailDialog", u"Tenggat", None))
        ___qtreewidgetitem1.setText(0, QCoreApplication.translate("TicketDetailDialog", u"Tahap", None))
        self.timelineGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Riwayat", None))
        ___qtreewidgetitem2 = self.timelineTree.headerItem()
        ___qtreewidgetitem2.setText(6, QCoreApplication.translate("TicketDetailDialog", u"Sinkron", None))
        ___qtreewidgetitem2.setText(5, QCoreApplication.translate("TicketDetailDialog", u"Janji", None))
        ___qtreewidgetitem2.setText(4, QCoreApplication.translate("TicketDetailDialog", u"Sumber", None))
        ___qtreewidgetitem2.setText(3, QCoreApplication.translate("TicketDetailDialog", u"Oleh", None))
        ___qtreewidgetitem2.setText(2, QCoreApplication.translate("TicketDetailDialog", u"Keterangan", None))
        ___qtreewidgetitem2.setText(1, QCoreApplication.translate("TicketDetailDialog", u"Jenis", None))
        ___qtreewidgetitem2.setText(0, QCoreApplication.translate("TicketDetailDialog", u"Waktu", None))
        self.actionsGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Tindakan", None))
        self.validationGroup.setTitle(QCoreApplication.translate("TicketDetailDialog", u"Validasi: instansi menyatakan selesai", None))
        self.validationHint.setText(QCoreApplication.translate("TicketDetailDialog", u"Periksa hasilnya (dengan warga atau petugas lapangan), lalu konfirmasi selesai atau tolak tindak lanjut instansi.", None))
        self.confirmDoneButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Konfirmasi selesai", None))
        self.rejectFollowUpButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Tolak tindak &lanjut\u2026", None))
        self.rejectReasonLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"&Alasan", None))
        self.rejectReasonEdit.setPlaceholderText(QCoreApplication.translate("TicketDetailDialog", u"wajib: apa yang belum beres dari tindak lanjut instansi?", None))
        self.sendRejectButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Kirim &penolakan", None))
        self.cancelRejectButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Batal", None))
        self.statusComboLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"&Status baru", None))
        self.changeStatusButton.setText(QCoreApplication.translate("TicketDetailDialog", u"&Ubah status", None))
        self.agencyLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"&Instansi tujuan", None))
        self.agencyEdit.setPlaceholderText(QCoreApplication.translate("TicketDetailDialog", u"mis. PLN UP3 Jakarta Timur", None))
        self.statusNoteLabel.setText(QCoreApplication.translate("TicketDetailDialog", u"Alasan / catatan s&tatus", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("TicketDetailDialog", u"Catatan petugas (hanya terlihat di kecamatan)", None))
        self.addNoteButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Tambah &catatan", None))
        self.refEdit.setPlaceholderText(QCoreApplication.translate("TicketDetailDialog", u"Nomor di aplikasi lain, mis. QLUE 1234567 atau LAPOR 5512", None))
        self.addRefButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Tambah &nomor", None))
        self.chaseButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Minta &tindak lanjut\u2026", None))
        self.reprintButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Cetak ulang tanda t&erima", None))
#if QT_CONFIG(tooltip)
        self.printCaseButton.setToolTip(QCoreApplication.translate("TicketDetailDialog", u"Buka pratinjau berkas kasus lengkap (A4): data, riwayat, tindak lanjut, tenggat SLA dan foto. Pencetakan dicatat.", None))
#endif // QT_CONFIG(tooltip)
        self.printCaseButton.setText(QCoreApplication.translate("TicketDetailDialog", u"Cetak &berkas kasus\u2026", None))
#if QT_CONFIG(tooltip)
        self.internalNotesCheck.setToolTip(QCoreApplication.translate("TicketDetailDialog", u"Catatan internal hanya untuk kecamatan: jangan sertakan bila berkas diberikan kepada warga atau instansi.", None))
#endif // QT_CONFIG(tooltip)
        self.internalNotesCheck.setText(QCoreApplication.translate("TicketDetailDialog", u"Sertakan catatan inte&rnal", None))
    # retranslateUi


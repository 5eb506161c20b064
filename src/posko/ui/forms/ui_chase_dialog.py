# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'chase_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ChaseDialog(object):
    def setupUi(self, ChaseDialog):
        if not ChaseDialog.objectName():
            ChaseDialog.setObjectName(u"ChaseDialog")
        ChaseDialog.resize(560, 460)
        self.layout = QVBoxLayout(ChaseDialog)
        self.layout.setObjectName(u"layout")
        self.headingLabel = QLabel(ChaseDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setStyleSheet(u"font-weight: bold;")
        self.headingLabel.setWordWrap(True)

        self.layout.addWidget(self.headingLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.requestedByLabel = QLabel(ChaseDialog)
        self.requestedByLabel.setObjectName(u"requestedByLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.requestedByLabel)

        self.requestedByEdit = QLineEdit(ChaseDialog)
        self.requestedByEdit.setObjectName(u"requestedByEdit")
        self.requestedByEdit.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.requestedByEdit)

        self.promiseLabel = QLabel(ChaseDialog)
        self.promiseLabel.setObjectName(u"promiseLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.promiseLabel)

        self.promiseEdit = QPlainTextEdit(ChaseDialog)
        self.promiseEdit.setObjectName(u"promiseEdit")
        self.promiseEdit.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.promiseEdit)

        self.promisedByLabel = QLabel(ChaseDialog)
        self.promisedByLabel.setObjectName(u"promisedByLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.promisedByLabel)

        self.promisedByEdit = QDateEdit(ChaseDialog)
        self.promisedByEdit.setObjectName(u"promisedByEdit")
        self.promisedByEdit.setCalendarPopup(True)
        self.promisedByEdit.setDisplayFormat(u"dd-MM-yyyy")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.promisedByEdit)

        self.noteLabel = QLabel(ChaseDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(ChaseDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.layout.addLayout(self.form)

        self.reopenGroup = QGroupBox(ChaseDialog)
        self.reopenGroup.setObjectName(u"reopenGroup")
        self.reopenGroup.setCheckable(True)
        self.reopenGroup.setChecked(False)
        self.reopenForm = QFormLayout(self.reopenGroup)
        self.reopenForm.setObjectName(u"reopenForm")
        self.reopenHint = QLabel(self.reopenGroup)
        self.reopenHint.setObjectName(u"reopenHint")
        self.reopenHint.setWordWrap(True)

        self.reopenForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.reopenHint)

        self.reopenNoteLabel = QLabel(self.reopenGroup)
        self.reopenNoteLabel.setObjectName(u"reopenNoteLabel")

        self.reopenForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reopenNoteLabel)

        self.reopenNoteEdit = QPlainTextEdit(self.reopenGroup)
        self.reopenNoteEdit.setObjectName(u"reopenNoteEdit")
        self.reopenNoteEdit.setTabChangesFocus(True)

        self.reopenForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reopenNoteEdit)


        self.layout.addWidget(self.reopenGroup)

        self.hintLabel = QLabel(ChaseDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.layout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(ChaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.errorLabel.setWordWrap(True)

        self.layout.addWidget(self.errorLabel)

        self.resultLabel = QLabel(ChaseDialog)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setStyleSheet(u"color: #1b6e20; font-weight: bold;")
        self.resultLabel.setWordWrap(True)

        self.layout.addWidget(self.resultLabel)

        self.buttons = QDialogButtonBox(ChaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.requestedByLabel.setBuddy(self.requestedByEdit)
        self.promiseLabel.setBuddy(self.promiseEdit)
        self.promisedByLabel.setBuddy(self.promisedByEdit)
        self.noteLabel.setBuddy(self.noteEdit)
        self.reopenNoteLabel.setBuddy(self.reopenNoteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.requestedByEdit, self.promiseEdit)
        QWidget.setTabOrder(self.promiseEdit, self.promisedByEdit)
        QWidget.setTabOrder(self.promisedByEdit, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.reopenGroup)
        QWidget.setTabOrder(self.reopenGroup, self.reopenNoteEdit)

        self.retranslateUi(ChaseDialog)

        QMetaObject.connectSlotsByName(ChaseDialog)
    # setupUi

    def retranslateUi(self, ChaseDialog):
        ChaseDialog.setWindowTitle(QCoreApplication.translate("ChaseDialog", u"Minta tindak lanjut", None))
        self.requestedByLabel.setText(QCoreApplication.translate("ChaseDialog", u"&Yang menanyakan", None))
        self.requestedByEdit.setPlaceholderText(QCoreApplication.translate("ChaseDialog", u"nama warga; kosongkan bila tidak mau menyebut nama", None))
        self.promiseLabel.setText(QCoreApplication.translate("ChaseDialog", u"&Disampaikan kepada warga", None))
        self.promiseEdit.setPlaceholderText(QCoreApplication.translate("ChaseDialog", u"mis. Kecamatan meminta dinas memberi kabar; warga akan ditelepon.", None))
        self.promisedByLabel.setText(QCoreApplication.translate("ChaseDialog", u"&Dijanjikan paling lambat", None))
        self.noteLabel.setText(QCoreApplication.translate("ChaseDialog", u"&Catatan petugas", None))
        self.reopenGroup.setTitle(QCoreApplication.translate("ChaseDialog", u"Warga menyatakan belum beres \u2014 buka kembali", None))
        self.reopenHint.setText(QCoreApplication.translate("ChaseDialog", u"Tiket ini sudah selesai. Bila warga menyatakan masalahnya belum beres, centang kotak ini: tiket dibuka kembali dan dikembalikan ke instansi.", None))
        self.reopenNoteLabel.setText(QCoreApplication.translate("ChaseDialog", u"Yang &belum beres", None))
        self.reopenNoteEdit.setPlaceholderText(QCoreApplication.translate("ChaseDialog", u"wajib: apa yang menurut warga belum beres?", None))
    # retranslateUi


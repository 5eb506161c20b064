# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(560, 720)
        self.layout = QVBoxLayout(SettingsDialog)
        self.layout.setObjectName(u"layout")
        self.deskGroup = QGroupBox(SettingsDialog)
        self.deskGroup.setObjectName(u"deskGroup")
        self.deskForm = QFormLayout(self.deskGroup)
        self.deskForm.setObjectName(u"deskForm")
        self.kecamatanLabel = QLabel(self.deskGroup)
        self.kecamatanLabel.setObjectName(u"kecamatanLabel")

        self.deskForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kecamatanLabel)

        self.kecamatanValue = QLabel(self.deskGroup)
        self.kecamatanValue.setObjectName(u"kecamatanValue")
        self.kecamatanValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.deskForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kecamatanValue)

        self.deskLabel = QLabel(self.deskGroup)
        self.deskLabel.setObjectName(u"deskLabel")

        self.deskForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deskLabel)

        self.deskValue = QLabel(self.deskGroup)
        self.deskValue.setObjectName(u"deskValue")
        self.deskValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.deskForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deskValue)

        self.deskHint = QLabel(self.deskGroup)
        self.deskHint.setObjectName(u"deskHint")
        self.deskHint.setWordWrap(True)

        self.deskForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.deskHint)


        self.layout.addWidget(self.deskGroup)

        self.displayGroup = QGroupBox(SettingsDialog)
        self.displayGroup.setObjectName(u"displayGroup")
        self.displayForm = QFormLayout(self.displayGroup)
        self.displayForm.setObjectName(u"displayForm")
        self.languageLabel = QLabel(self.displayGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.displayForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.displayGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.displayForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.fontScaleLabel = QLabel(self.displayGroup)
        self.fontScaleLabel.setObjectName(u"fontScaleLabel")

        self.displayForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fontScaleLabel)

        self.fontScaleSpin = QSpinBox(self.displayGroup)
        self.fontScaleSpin.setObjectName(u"fontScaleSpin")
        self.fontScaleSpin.setSuffix(u" %")
        self.fontScaleSpin.setMinimum(70)
        self.fontScaleSpin.setMaximum(200)
        self.fontScaleSpin.setSingleStep(10)
        self.fontScaleSpin.setValue(100)

        self.displayForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.fontScaleSpin)

        self.assistedFontLabel = QLabel(self.displayGroup)
        self.assistedFontLabel.setObjectName(u"assistedFontLabel")

        self.displayForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.assistedFontLabel)

        self.assistedFontSpin = QSpinBox(self.displayGroup)
        self.assistedFontSpin.setObjectName(u"assistedFontSpin")
        self.assistedFontSpin.setSuffix(u" pt")
        self.assistedFontSpin.setMinimum(20)
        self.assistedFontSpin.setMaximum(48)
        self.assistedFontSpin.setSingleStep(2)
        self.assistedFontSpin.setValue(22)

        self.displayForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.assistedFontSpin)


        self.layout.addWidget(self.displayGroup)

        self.printingGroup = QGroupBox(SettingsDialog)
        self.printingGroup.setObjectName(u"printingGroup")
        self.printingForm = QFormLayout(self.printingGroup)
        self.printingForm.setObjectName(u"printingForm")
        self.paperLabel = QLabel(self.printingGroup)
        self.paperLabel.setObjectName(u"paperLabel")

        self.printingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.paperLabel)

        self.paperCombo = QComboBox(self.printingGroup)
        self.paperCombo.setObjectName(u"paperCombo")

        self.printingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.paperCombo)

        self.printerLabel = QLabel(self.printingGroup)
        self.printerLabel.setObjectName(u"printerLabel")

        self.printingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.printerLabel)

        self.printerCombo = QComboBox(self.printingGroup)
        self.printerCombo.setObjectName(u"printerCombo")
        self.printerCombo.setEditable(True)
        self.printerCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.printingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.printerCombo)


        self.layout.addWidget(self.printingGroup)

        self.syncGroup = QGroupBox(SettingsDialog)
        self.syncGroup.setObjectName(u"syncGroup")
        self.syncForm = QFormLayout(self.syncGroup)
        self.syncForm.setObjectName(u"syncForm")
        self.serverUrlLabel = QLabel(self.syncGroup)
        self.serverUrlLabel.setObjectName(u"serverUrlLabel")

        self.syncForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serverUrlLabel)

        self.serverUrlEdit = QLineEdit(self.syncGroup)
        self.serverUrlEdit.setObjectName(u"serverUrlEdit")
        self.serverUrlEdit.setPlaceholderText(u"https://pengaduan.example.go.id")

        self.syncForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serverUrlEdit)

        self.serverUrlError = QLabel(self.syncGroup)
        self.serverUrlError.setObjectName(u"serverUrlError")
        self.serverUrlError.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.serverUrlError.setWordWrap(True)

        self.syncForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.serverUrlError)

        self.autosaveLabel = QLabel(self.syncGroup)
        self.autosaveLabel.setObjectName(u"autosaveLabel")

        self.syncForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.autosaveLabel)

        self.autosaveSpin = QSpinBox(self.syncGroup)
        self.autosaveSpin.setObjectName(u"autosaveSpin")
        self.autosaveSpin.setMinimum(1)
        self.autosaveSpin.setMaximum(60)
        self.autosaveSpin.setValue(5)

        self.syncForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.autosaveSpin)

        self.enrolLabel = QLabel(self.syncGroup)
        self.enrolLabel.setObjectName(u"enrolLabel")

        self.syncForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.enrolLabel)

        self.enrolRow = QHBoxLayout()
        self.enrolRow.setObjectName(u"enrolRow")
        self.enrolCodeEdit = QLineEdit(self.syncGroup)
        self.enrolCodeEdit.setObjectName(u"enrolCodeEdit")

        self.enrolRow.addWidget(self.enrolCodeEdit)

        self.enrolButton = QPushButton(self.syncGroup)
        self.enrolButton.setObjectName(u"enrolButton")

        self.enrolRow.addWidget(self.enrolButton)


        self.syncForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.enrolRow)

        self.enrolStatus = QLabel(self.syncGroup)
        self.enrolStatus.setObjectName(u"enrolStatus")
        self.enrolStatus.setWordWrap(True)

        self.syncForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.enrolStatus)


        self.layout.addWidget(self.syncGroup)

        self.open311Group = QGroupBox(SettingsDialog)
        self.open311Group.setObjectName(u"open311Group")
        self.open311Form = QFormLayout(self.open311Group)
        self.open311Form.setObjectName(u"open311Form")
        self.open311UrlLabel = QLabel(self.open311Group)
        self.open311UrlLabel.setObjectName(u"open311UrlLabel")

        self.open311Form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.open311UrlLabel)

        self.open311UrlEdit = QLineEdit(self.open311Group)
        self.open311UrlEdit.setObjectName(u"open311UrlEdit")
        self.open311UrlEdit.setPlaceholderText(u"https://pengaduan.example.go.id/open311/v2")

        self.open311Form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.open311UrlEdit)

        self.open311UrlError = QLabel(self.open311Group)
        self.open311UrlError.setObjectName(u"open311UrlError")
        self.open311UrlError.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.open311UrlError.setWordWrap(True)

        self.open311Form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.open311UrlError)

        self.open311JurisdictionLabel = QLabel(self.open311Group)
        self.open311JurisdictionLabel.setObjectName(u"open311JurisdictionLabel")

        self.open311Form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.open311JurisdictionLabel)

        self.open311JurisdictionEdit = QLineEdit(self.open311Group)
        self.open311JurisdictionEdit.setObjectName(u"open311JurisdictionEdit")

        self.open311Form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.open311JurisdictionEdit)

        self.open311ApiKeyLabel = QLabel(self.open311Group)
        self.open311ApiKeyLabel.setObjectName(u"open311ApiKeyLabel")

        self.open311Form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.open311ApiKeyLabel)

        self.open311ApiKeyEdit = QLineEdit(self.open311Group)
        self.open311ApiKeyEdit.setObjectName(u"open311ApiKeyEdit")
        self.open311ApiKeyEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.open311Form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.open311ApiKeyEdit)

        self.open311ApiKeyStatus = QLabel(self.open311Group)
        self.open311ApiKeyStatus.setObjectName(u"open311ApiKeyStatus")
        self.open311ApiKeyStatus.setWordWrap(True)

        self.open311Form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.open311ApiKeyStatus)


        self.layout.addWidget(self.open311Group)

        self.privacyGroup = QGroupBox(SettingsDialog)
        self.privacyGroup.setObjectName(u"privacyGroup")
        self.privacyForm = QFormLayout(self.privacyGroup)
        self.privacyForm.setObjectName(u"privacyForm")
        self.retentionLabel = QLabel(self.privacyGroup)
        self.retentionLabel.setObjectName(u"retentionLabel")

        self.privacyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.retentionLabel)

        self.retentionSpin = QSpinBox(self.privacyGroup)
        self.retentionSpin.setObjectName(u"retentionSpin")
        self.retentionSpin.setMinimum(0)
        self.retentionSpin.setMaximum(3650)
        self.retentionSpin.setValue(90)

        self.privacyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.retentionSpin)

        self.retentionHint = QLabel(self.privacyGroup)
        self.retentionHint.setObjectName(u"retentionHint")
        self.retentionHint.setWordWrap(True)

        self.privacyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.retentionHint)


        self.layout.addWidget(self.privacyGroup)

        self.secretsHint = QLabel(SettingsDialog)
        self.secretsHint.setObjectName(u"secretsHint")
        self.secretsHint.setWordWrap(True)

        self.layout.addWidget(self.secretsHint)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.fontScaleLabel.setBuddy(self.fontScaleSpin)
        self.assistedFontLabel.setBuddy(self.assistedFontSpin)
        self.paperLabel.setBuddy(self.paperCombo)
        self.printerLabel.setBuddy(self.printerCombo)
        self.serverUrlLabel.setBuddy(self.serverUrlEdit)
        self.autosaveLabel.setBuddy(self.autosaveSpin)
        self.enrolLabel.setBuddy(self.enrolCodeEdit)
        self.open311UrlLabel.setBuddy(self.open311UrlEdit)
        self.open311JurisdictionLabel.setBuddy(self.open311JurisdictionEdit)
        self.open311ApiKeyLabel.setBuddy(self.open311ApiKeyEdit)
        self.retentionLabel.setBuddy(self.retentionSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.languageCombo, self.fontScaleSpin)
        QWidget.setTabOrder(self.fontScaleSpin, self.assistedFontSpin)
        QWidget.setTabOrder(self.assistedFontSpin, self.paperCombo)
        QWidget.setTabOrder(self.paperCombo, self.printerCombo)
        QWidget.setTabOrder(self.printerCombo, self.serverUrlEdit)
        QWidget.setTabOrder(self.serverUrlEdit, self.autosaveSpin)
        QWidget.setTabOrder(self.autosaveSpin, self.enrolCodeEdit)
        QWidget.setTabOrder(self.enrolCodeEdit, self.enrolButton)
        QWidget.setTabOrder(self.enrolButton, self.open311UrlEdit)
        QWidget.setTabOrder(self.open311UrlEdit, self.open311JurisdictionEdit)
        QWidget.setTabOrder(self.open311JurisdictionEdit, self.open311ApiKeyEdit)
        QWidget.setTabOrder(self.open311ApiKeyEdit, self.retentionSpin)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Pengaturan", None))
        self.deskGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Meja ini", None))
        self.kecamatanLabel.setText(QCoreApplication.translate("SettingsDialog", u"Kecamatan", None))
        self.deskLabel.setText(QCoreApplication.translate("SettingsDialog", u"Nomor meja", None))
        self.deskHint.setText(QCoreApplication.translate("SettingsDialog", u"Kecamatan dan nomor meja diubah oleh admin dengan perintah: posko init", None))
        self.displayGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Tampilan", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Bahasa", None))
        self.fontScaleLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Ukuran huruf jendela", None))
        self.assistedFontLabel.setText(QCoreApplication.translate("SettingsDialog", u"Huruf mode &pendampingan", None))
        self.printingGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Pencetakan tanda terima", None))
        self.paperLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Kertas", None))
        self.printerLabel.setText(QCoreApplication.translate("SettingsDialog", u"P&rinter", None))
        self.syncGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Sinkronisasi dan simpan otomatis", None))
        self.serverUrlLabel.setText(QCoreApplication.translate("SettingsDialog", u"Alamat &server kota", None))
        self.autosaveLabel.setText(QCoreApplication.translate("SettingsDialog", u"Simpan &draf setiap", None))
        self.enrolLabel.setText(QCoreApplication.translate("SettingsDialog", u"Kode &pendaftaran", None))
        self.enrolCodeEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"kode sekali pakai dari admin kota", None))
        self.enrolButton.setText(QCoreApplication.translate("SettingsDialog", u"&Daftarkan meja", None))
        self.open311Group.setTitle(QCoreApplication.translate("SettingsDialog", u"Sumber pencarian Open311 (opsional)", None))
        self.open311UrlLabel.setText(QCoreApplication.translate("SettingsDialog", u"Alamat &Open311", None))
        self.open311JurisdictionLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Jurisdiction ID", None))
        self.open311JurisdictionEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"kosongkan bila server tidak memintanya", None))
        self.open311ApiKeyLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Kunci API", None))
        self.privacyGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Data pribadi (UU PDP)", None))
        self.retentionLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Masa simpan data pelapor", None))
        self.retentionHint.setText(QCoreApplication.translate("SettingsDialog", u"Dihitung sejak tiket ditutup. Permintaan hapus data warga menunggu selama ini (0 = segera setelah ditutup). Hanya camat/sekcam yang dapat mengubahnya.", None))
        self.secretsHint.setText(QCoreApplication.translate("SettingsDialog", u"Token perangkat dan kunci enkripsi NIK tidak disimpan di sini; keduanya ada di keyring sistem.", None))
    # retranslateUi


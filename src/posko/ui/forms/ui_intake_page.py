# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'intake_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_IntakePage(object):
    def setupUi(self, IntakePage):
        if not IntakePage.objectName():
            IntakePage.setObjectName(u"IntakePage")
        self.pageLayout = QHBoxLayout(IntakePage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.formColumn = QVBoxLayout()
        self.formColumn.setObjectName(u"formColumn")
        self.queueLabel = QLabel(IntakePage)
        self.queueLabel.setObjectName(u"queueLabel")

        self.formColumn.addWidget(self.queueLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.label0 = QLabel(IntakePage)
        self.label0.setObjectName(u"label0")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label0)

        self.cell0 = QVBoxLayout()
        self.cell0.setObjectName(u"cell0")
        self.categoryCombo = QComboBox(IntakePage)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setEditable(True)
        self.categoryCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.cell0.addWidget(self.categoryCombo)

        self.categoryError = QLabel(IntakePage)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setStyleSheet(u"color: #b00020;")
        self.categoryError.setWordWrap(True)

        self.cell0.addWidget(self.categoryError)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.cell0)

        self.label1 = QLabel(IntakePage)
        self.label1.setObjectName(u"label1")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label1)

        self.cell1 = QVBoxLayout()
        self.cell1.setObjectName(u"cell1")
        self.kelurahanCombo = QComboBox(IntakePage)
        self.kelurahanCombo.setObjectName(u"kelurahanCombo")

        self.cell1.addWidget(self.kelurahanCombo)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.cell1)

        self.label2 = QLabel(IntakePage)
        self.label2.setObjectName(u"label2")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label2)

        self.cell2 = QVBoxLayout()
        self.cell2.setObjectName(u"cell2")
        self.rwRtLayout = QHBoxLayout()
        self.rwRtLayout.setObjectName(u"rwRtLayout")
        self.rwEdit = QLineEdit(IntakePage)
        self.rwEdit.setObjectName(u"rwEdit")
        self.rwEdit.setMaxLength(3)

        self.rwRtLayout.addWidget(self.rwEdit)

        self.rtEdit = QLineEdit(IntakePage)
        self.rtEdit.setObjectName(u"rtEdit")
        self.rtEdit.setMaxLength(3)

        self.rwRtLayout.addWidget(self.rtEdit)


        self.cell2.addLayout(self.rwRtLayout)

        self.locationError = QLabel(IntakePage)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setStyleSheet(u"color: #b00020;")
        self.locationError.setWordWrap(True)

        self.cell2.addWidget(self.locationError)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.cell2)

        self.label3 = QLabel(IntakePage)
        self.label3.setObjectName(u"label3")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label3)

        self.cell3 = QVBoxLayout()
        self.cell3.setObjectName(u"cell3")
        self.addressEdit = QLineEdit(IntakePage)
        self.addressEdit.setObjectName(u"addressEdit")

        self.cell3.addWidget(self.addressEdit)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cell3)

        self.label4 = QLabel(IntakePage)
        self.label4.setObjectName(u"label4")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label4)

        self.cell4 = QVBoxLayout()
        self.cell4.setObjectName(u"cell4")
        self.mapLayout = QHBoxLayout()
        self.mapLayout.setObjectName(u"mapLayout")
        self.latitudeEdit = QLineEdit(IntakePage)
        self.latitudeEdit.setObjectName(u"latitudeEdit")

        self.mapLayout.addWidget(self.latitudeEdit)

        self.longitudeEdit = QLineEdit(IntakePage)
        self.longitudeEdit.setObjectName(u"longitudeEdit")

        self.mapLayout.addWidget(self.longitudeEdit)


        self.cell4.addLayout(self.mapLayout)

        self.mapError = QLabel(IntakePage)
        self.mapError.setObjectName(u"mapError")
        self.mapError.setStyleSheet(u"color: #b00020;")
        self.mapError.setWordWrap(True)

        self.cell4.addWidget(self.mapError)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.cell4)

        self.label5 = QLabel(IntakePage)
        self.label5.setObjectName(u"label5")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label5)

        self.cell5 = QVBoxLayout()
        self.cell5.setObjectName(u"cell5")
        self.descriptionEdit = QPlainTextEdit(IntakePage)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.cell5.addWidget(self.descriptionEdit)

        self.descriptionError = QLabel(IntakePage)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setStyleSheet(u"color: #b00020;")
        self.descriptionError.setWordWrap(True)

        self.cell5.addWidget(self.descriptionError)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.cell5)

        self.label6 = QLabel(IntakePage)
        self.label6.setObjectName(u"label6")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label6)

        self.cell6 = QVBoxLayout()
        self.cell6.setObjectName(u"cell6")
        self.photoLayout = QHBoxLayout()
        self.photoLayout.setObjectName(u"photoLayout")
        self.attachButton = QPushButton(IntakePage)
        self.attachButton.setObjectName(u"attachButton")

        self.photoLayout.addWidget(self.attachButton)

        self.photosLabel = QLabel(IntakePage)
        self.photosLabel.setObjectName(u"photosLabel")

        self.photoLayout.addWidget(self.photosLabel)


        self.cell6.addLayout(self.photoLayout)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.cell6)

        self.label7 = QLabel(IntakePage)
        self.label7.setObjectName(u"label7")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label7)

        self.cell7 = QVBoxLayout()
        self.cell7.setObjectName(u"cell7")
        self.reporterKindCombo = QComboBox(IntakePage)
        self.reporterKindCombo.setObjectName(u"reporterKindCombo")

        self.cell7.addWidget(self.reporterKindCombo)

        self.reporterKindHint = QLabel(IntakePage)
        self.reporterKindHint.setObjectName(u"reporterKindHint")
        self.reporterKindHint.setWordWrap(True)
        self.reporterKindHint.setStyleSheet(u"color: #455a64;")

        self.cell7.addWidget(self.reporterKindHint)


        self.form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.cell7)

        self.label8 = QLabel(IntakePage)
        self.label8.setObjectName(u"label8")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.label8)

        self.cell8 = QVBoxLayout()
        self.cell8.setObjectName(u"cell8")
        self.nameEdit = QLineEdit(IntakePage)
        self.nameEdit.setObjectName(u"nameEdit")

        self.cell8.addWidget(self.nameEdit)

        self.nameError = QLabel(IntakePage)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setStyleSheet(u"color: #b00020;")
        self.nameError.setWordWrap(True)

        self.cell8.addWidget(self.nameError)


        self.form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.cell8)

        self.label9 = QLabel(IntakePage)
        self.label9.setObjectName(u"label9")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.label9)

        self.cell9 = QVBoxLayout()
        self.cell9.setObjectName(u"cell9")
        self.phoneEdit = QLineEdit(IntakePage)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.cell9.addWidget(self.phoneEdit)

        self.phoneError = QLabel(IntakePage)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setWordWrap(True)

        self.cell9.addWidget(self.phoneError)


        self.form.setLayout(9, QFormLayout.ItemRole.FieldRole, self.cell9)

        self.label10 = QLabel(IntakePage)
        self.label10.setObjectName(u"label10")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.label10)

        self.cell10 = QVBoxLayout()
        self.cell10.setObjectName(u"cell10")
        self.nikEdit = QLineEdit(IntakePage)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setMaxLength(20)

        self.cell10.addWidget(self.nikEdit)

        self.nikError = QLabel(IntakePage)
        self.nikError.setObjectName(u"nikError")
        self.nikError.setStyleSheet(u"color: #b00020;")
        self.nikError.setWordWrap(True)

        self.cell10.addWidget(self.nikError)


        self.form.setLayout(10, QFormLayout.ItemRole.FieldRole, self.cell10)

        self.label11 = QLabel(IntakePage)
        self.label11.setObjectName(u"label11")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.label11)

        self.cell11 = QVBoxLayout()
        self.cell11.setObjectName(u"cell11")
        self.contactCombo = QComboBox(IntakePage)
        self.contactCombo.setObjectName(u"contactCombo")

        self.cell11.addWidget(self.contactCombo)


        self.form.setLayout(11, QFormLayout.ItemRole.FieldRole, self.cell11)


        self.formColumn.addLayout(self.form)

        self.consentCheck = QCheckBox(IntakePage)
        self.consentCheck.setObjectName(u"consentCheck")

        self.formColumn.addWidget(self.consentCheck)

        self.consentText = QLabel(IntakePage)
        self.consentText.setObjectName(u"consentText")
        self.consentText.setWordWrap(True)

        self.formColumn.addWidget(self.consentText)

        self.consentError = QLabel(IntakePage)
        self.consentError.setObjectName(u"consentError")
        self.consentError.setStyleSheet(u"color: #b00020;")

        self.formColumn.addWidget(self.consentError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.saveButton = QPushButton(IntakePage)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.clearButton = QPushButton(IntakePage)
        self.clearButton.setObjectName(u"clearButton")

        self.buttonRow.addWidget(self.clearButton)


        self.formColumn.addLayout(self.buttonRow)

        self.resultFrame = QFrame(IntakePage)
        self.resultFrame.setObjectName(u"resultFrame")
        self.resultLayout = QVBoxLayout(self.resultFrame)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultTitle = QLabel(self.resultFrame)
        self.resultTitle.setObjectName(u"resultTitle")

        self.resultLayout.addWidget(self.resultTitle)

        self.resultCodeLabel = QLabel(self.resultFrame)
        self.resultCodeLabel.setObjectName(u"resultCodeLabel")
        self.resultCodeLabel.setStyleSheet(u"font-size: 32pt; font-weight: bold; letter-spacing: 2px;")
        self.resultCodeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resultLayout.addWidget(self.resultCodeLabel)

        self.printButton = QPushButton(self.resultFrame)
        self.printButton.setObjectName(u"printButton")

        self.resultLayout.addWidget(self.printButton)


        self.formColumn.addWidget(self.resultFrame)


        self.pageLayout.addLayout(self.formColumn)

        self.duplicatesGroup = QGroupBox(IntakePage)
        self.duplicatesGroup.setObjectName(u"duplicatesGroup")
        self.duplicatesLayout = QVBoxLayout(self.duplicatesGroup)
        self.duplicatesLayout.setObjectName(u"duplicatesLayout")
        self.duplicatesList = QListWidget(self.duplicatesGroup)
        self.duplicatesList.setObjectName(u"duplicatesList")

        self.duplicatesLayout.addWidget(self.duplicatesList)

        self.openDuplicateButton = QPushButton(self.duplicatesGroup)
        self.openDuplicateButton.setObjectName(u"openDuplicateButton")

        self.duplicatesLayout.addWidget(self.openDuplicateButton)

        self.linkDuplicateButton = QPushButton(self.duplicatesGroup)
        self.linkDuplicateButton.setObjectName(u"linkDuplicateButton")

        self.duplicatesLayout.addWidget(self.linkDuplicateButton)


        self.pageLayout.addWidget(self.duplicatesGroup)

#if QT_CONFIG(shortcut)
        self.label0.setBuddy(self.categoryCombo)
        self.label1.setBuddy(self.kelurahanCombo)
        self.label2.setBuddy(self.rwEdit)
        self.label3.setBuddy(self.addressEdit)
        self.label4.setBuddy(self.latitudeEdit)
        self.label5.setBuddy(self.descriptionEdit)
        self.label6.setBuddy(self.attachButton)
        self.label7.setBuddy(self.reporterKindCombo)
        self.label8.setBuddy(self.nameEdit)
        self.label9.setBuddy(self.phoneEdit)
        self.label10.setBuddy(self.nikEdit)
        self.label11.setBuddy(self.contactCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.categoryCombo, self.kelurahanCombo)
        QWidget.setTabOrder(self.kelurahanCombo, self.rwEdit)
        QWidget.setTabOrder(self.rwEdit, self.rtEdit)
        QWidget.setTabOrder(self.rtEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.latitudeEdit)
        QWidget.setTabOrder(self.latitudeEdit, self.longitudeEdit)
        QWidget.setTabOrder(self.longitudeEdit, self.descriptionEdit)
        QWidget.setTabOrder(self.descriptionEdit, self.attachButton)
        QWidget.setTabOrder(self.attachButton, self.reporterKindCombo)
        QWidget.setTabOrder(self.reporterKindCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.nikEdit)
        QWidget.setTabOrder(self.nikEdit, self.contactCombo)
        QWidget.setTabOrder(self.contactCombo, self.consentCheck)
        QWidget.setTabOrder(self.consentCheck, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.duplicatesList)

        self.retranslateUi(IntakePage)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(IntakePage)
    # setupUi

    def retranslateUi(self, IntakePage):
        self.queueLabel.setText("")
        self.label0.setText(QCoreApplication.translate("IntakePage", u"&Kategori", None))
        self.label1.setText(QCoreApplication.translate("IntakePage", u"Ke&lurahan", None))
        self.label2.setText(QCoreApplication.translate("IntakePage", u"R&W / RT", None))
        self.rwEdit.setPlaceholderText(QCoreApplication.translate("IntakePage", u"RW", None))
        self.rtEdit.setPlaceholderText(QCoreApplication.translate("IntakePage", u"RT", None))
        self.label3.setText(QCoreApplication.translate("IntakePage", u"&Alamat", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("IntakePage", u"mis. Jl. Raya Bogor No. 12, depan masjid", None))
        self.label4.setText(QCoreApplication.translate("IntakePage", u"Titik &peta", None))
        self.latitudeEdit.setPlaceholderText(QCoreApplication.translate("IntakePage", u"lintang, mis. -6.2754", None))
        self.longitudeEdit.setPlaceholderText(QCoreApplication.translate("IntakePage", u"bujur, mis. 106.8650", None))
        self.label5.setText(QCoreApplication.translate("IntakePage", u"&Uraian", None))
        self.descriptionEdit.setPlaceholderText(QCoreApplication.translate("IntakePage", u"Apa yang terjadi, sejak kapan, seberapa parah", None))
        self.label6.setText(QCoreApplication.translate("IntakePage", u"&Foto", None))
        self.attachButton.setText(QCoreApplication.translate("IntakePage", u"Lampirkan foto\u2026", None))
        self.photosLabel.setText(QCoreApplication.translate("IntakePage", u"Belum ada foto", None))
        self.label7.setText(QCoreApplication.translate("IntakePage", u"&Jenis pelapor", None))
        self.reporterKindHint.setText("")
        self.label8.setText(QCoreApplication.translate("IntakePage", u"&Nama pelapor", None))
        self.label9.setText(QCoreApplication.translate("IntakePage", u"&Telepon", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("IntakePage", u"0812\u2026 atau +62\u2026", None))
        self.label10.setText(QCoreApplication.translate("IntakePage", u"NI&K (opsional)", None))
        self.label11.setText(QCoreApplication.translate("IntakePage", u"&Dihubungi lewat", None))
        self.consentCheck.setText(QCoreApplication.translate("IntakePage", u"&Pelapor setuju datanya dicatat dan diteruskan ke instansi terkait", None))
        self.consentText.setText(QCoreApplication.translate("IntakePage", u"Data pribadi Anda (nama, telepon, NIK) hanya dipakai untuk menindaklanjuti pengaduan ini dan disimpan di kecamatan sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Instansi yang menangani hanya melihat isi pengaduan, bukan identitas Anda.", None))
        self.saveButton.setText(QCoreApplication.translate("IntakePage", u"&Simpan pengaduan (Ctrl+S)", None))
#if QT_CONFIG(shortcut)
        self.saveButton.setShortcut(QCoreApplication.translate("IntakePage", u"Ctrl+S", None))
#endif // QT_CONFIG(shortcut)
        self.clearButton.setText(QCoreApplication.translate("IntakePage", u"&Kosongkan", None))
        self.resultTitle.setText(QCoreApplication.translate("IntakePage", u"Tersimpan. Kode pelacakan:", None))
        self.printButton.setText(QCoreApplication.translate("IntakePage", u"&Cetak tanda terima", None))
        self.duplicatesGroup.setTitle(QCoreApplication.translate("IntakePage", u"Mungkin sudah pernah dilaporkan", None))
        self.openDuplicateButton.setText(QCoreApplication.translate("IntakePage", u"Buka tiket ini", None))
        self.linkDuplicateButton.setText(QCoreApplication.translate("IntakePage", u"Catat sebagai dukungan/tindak lanjut tiket ini", None))
        pass
    # retranslateUi


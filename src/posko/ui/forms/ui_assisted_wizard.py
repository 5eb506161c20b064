# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assisted_wizard.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QFrame, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget, QWizard, QWizardPage)

class Ui_AssistedWizard(object):
    def setupUi(self, AssistedWizard):
        if not AssistedWizard.objectName():
            AssistedWizard.setObjectName(u"AssistedWizard")
        AssistedWizard.resize(1000, 720)
        AssistedWizard.setStyleSheet(u"QWizard, QWizardPage, QWidget#qt_scrollarea_viewport { background: #ffffff; color: #000000; }\n"
"QLabel { color: #000000; }\n"
"QLabel[role=\"error\"] { color: #a00000; font-weight: bold; }\n"
"QLabel[role=\"hint\"] { color: #1a1a1a; }\n"
"QLineEdit, QPlainTextEdit, QListWidget { background: #ffffff; color: #000000; border: 2px solid #000000; padding: 0.2em; }\n"
"QLineEdit:focus, QPlainTextEdit:focus, QListWidget:focus { border: 4px solid #0033a0; }\n"
"QLineEdit:disabled { background: #e6e6e6; color: #333333; }\n"
"QListWidget::item { padding: 0.25em; border-bottom: 1px solid #707070; }\n"
"QListWidget::item:selected { background: #0033a0; color: #ffffff; }\n"
"QPushButton { background: #f2f2f2; color: #000000; border: 2px solid #000000; border-radius: 6px; padding: 0.4em 1.2em; min-width: 5em; min-height: 1.4em; }\n"
"QPushButton:focus { border: 4px solid #0033a0; }\n"
"QPushButton:disabled { color: #555555; border-color: #777777; }\n"
"QCheckBox { color: #000000; padding: 0.2em; }\n"
"QCheckBox:focus { bo"
                        "rder: 3px dashed #0033a0; }\n"
"QCheckBox::indicator { width: 1.1em; height: 1.1em; border: 2px solid #000000; background: #ffffff; }\n"
"QCheckBox::indicator:checked { background: #0033a0; }\n"
"QFrame#restoreFrame { background: #fff4c2; border: 2px solid #000000; }")
        AssistedWizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        AssistedWizard.setOptions(QWizard.WizardOption.NoBackButtonOnStartPage|QWizard.WizardOption.NoCancelButtonOnLastPage|QWizard.WizardOption.NoDefaultButton)
        self.categoryPage = QWizardPage()
        self.categoryPage.setObjectName(u"categoryPage")
        self.categoryLayout = QVBoxLayout(self.categoryPage)
        self.categoryLayout.setObjectName(u"categoryLayout")
        self.restoreFrame = QFrame(self.categoryPage)
        self.restoreFrame.setObjectName(u"restoreFrame")
        self.restoreLayout = QHBoxLayout(self.restoreFrame)
        self.restoreLayout.setObjectName(u"restoreLayout")
        self.restoreLabel = QLabel(self.restoreFrame)
        self.restoreLabel.setObjectName(u"restoreLabel")
        self.restoreLabel.setWordWrap(True)

        self.restoreLayout.addWidget(self.restoreLabel)

        self.restoreButton = QPushButton(self.restoreFrame)
        self.restoreButton.setObjectName(u"restoreButton")

        self.restoreLayout.addWidget(self.restoreButton)

        self.discardDraftButton = QPushButton(self.restoreFrame)
        self.discardDraftButton.setObjectName(u"discardDraftButton")

        self.restoreLayout.addWidget(self.discardDraftButton)


        self.categoryLayout.addWidget(self.restoreFrame)

        self.categoryQuestion = QLabel(self.categoryPage)
        self.categoryQuestion.setObjectName(u"categoryQuestion")
        self.categoryQuestion.setProperty(u"role", u"question")
        self.categoryQuestion.setWordWrap(True)

        self.categoryLayout.addWidget(self.categoryQuestion)

        self.categoryHint = QLabel(self.categoryPage)
        self.categoryHint.setObjectName(u"categoryHint")
        self.categoryHint.setProperty(u"role", u"hint")

        self.categoryLayout.addWidget(self.categoryHint)

        self.categoryList = QListWidget(self.categoryPage)
        self.categoryList.setObjectName(u"categoryList")
        self.categoryList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categoryList.setWordWrap(True)

        self.categoryLayout.addWidget(self.categoryList)

        self.categoryError = QLabel(self.categoryPage)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setProperty(u"role", u"error")
        self.categoryError.setWordWrap(True)

        self.categoryLayout.addWidget(self.categoryError)

        AssistedWizard.addPage(self.categoryPage)
        self.locationPage = QWizardPage()
        self.locationPage.setObjectName(u"locationPage")
        self.locationLayout = QVBoxLayout(self.locationPage)
        self.locationLayout.setObjectName(u"locationLayout")
        self.locationQuestion = QLabel(self.locationPage)
        self.locationQuestion.setObjectName(u"locationQuestion")
        self.locationQuestion.setProperty(u"role", u"question")
        self.locationQuestion.setWordWrap(True)

        self.locationLayout.addWidget(self.locationQuestion)

        self.kelurahanLabel = QLabel(self.locationPage)
        self.kelurahanLabel.setObjectName(u"kelurahanLabel")

        self.locationLayout.addWidget(self.kelurahanLabel)

        self.kelurahanList = QListWidget(self.locationPage)
        self.kelurahanList.setObjectName(u"kelurahanList")

        self.locationLayout.addWidget(self.kelurahanList)

        self.rwRtLayout = QHBoxLayout()
        self.rwRtLayout.setObjectName(u"rwRtLayout")
        self.rwLabel = QLabel(self.locationPage)
        self.rwLabel.setObjectName(u"rwLabel")

        self.rwRtLayout.addWidget(self.rwLabel)

        self.rwEdit = QLineEdit(self.locationPage)
        self.rwEdit.setObjectName(u"rwEdit")
        self.rwEdit.setMaxLength(4)

        self.rwRtLayout.addWidget(self.rwEdit)

        self.rtLabel = QLabel(self.locationPage)
        self.rtLabel.setObjectName(u"rtLabel")

        self.rwRtLayout.addWidget(self.rtLabel)

        self.rtEdit = QLineEdit(self.locationPage)
        self.rtEdit.setObjectName(u"rtEdit")
        self.rtEdit.setMaxLength(4)

        self.rwRtLayout.addWidget(self.rtEdit)


        self.locationLayout.addLayout(self.rwRtLayout)

        self.addressLabel = QLabel(self.locationPage)
        self.addressLabel.setObjectName(u"addressLabel")
        self.addressLabel.setWordWrap(True)

        self.locationLayout.addWidget(self.addressLabel)

        self.addressEdit = QLineEdit(self.locationPage)
        self.addressEdit.setObjectName(u"addressEdit")

        self.locationLayout.addWidget(self.addressEdit)

        self.locationError = QLabel(self.locationPage)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setProperty(u"role", u"error")
        self.locationError.setWordWrap(True)

        self.locationLayout.addWidget(self.locationError)

        AssistedWizard.addPage(self.locationPage)
        self.descriptionPage = QWizardPage()
        self.descriptionPage.setObjectName(u"descriptionPage")
        self.descriptionLayout = QVBoxLayout(self.descriptionPage)
        self.descriptionLayout.setObjectName(u"descriptionLayout")
        self.descriptionQuestion = QLabel(self.descriptionPage)
        self.descriptionQuestion.setObjectName(u"descriptionQuestion")
        self.descriptionQuestion.setProperty(u"role", u"question")
        self.descriptionQuestion.setWordWrap(True)

        self.descriptionLayout.addWidget(self.descriptionQuestion)

        self.descriptionHint = QLabel(self.descriptionPage)
        self.descriptionHint.setObjectName(u"descriptionHint")
        self.descriptionHint.setWordWrap(True)
        self.descriptionHint.setProperty(u"role", u"hint")

        self.descriptionLayout.addWidget(self.descriptionHint)

        self.descriptionEdit = QPlainTextEdit(self.descriptionPage)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.descriptionLayout.addWidget(self.descriptionEdit)

        self.descriptionError = QLabel(self.descriptionPage)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setProperty(u"role", u"error")
        self.descriptionError.setWordWrap(True)

        self.descriptionLayout.addWidget(self.descriptionError)

        AssistedWizard.addPage(self.descriptionPage)
        self.namePage = QWizardPage()
        self.namePage.setObjectName(u"namePage")
        self.nameLayout = QVBoxLayout(self.namePage)
        self.nameLayout.setObjectName(u"nameLayout")
        self.nameQuestion = QLabel(self.namePage)
        self.nameQuestion.setObjectName(u"nameQuestion")
        self.nameQuestion.setProperty(u"role", u"question")
        self.nameQuestion.setWordWrap(True)

        self.nameLayout.addWidget(self.nameQuestion)

        self.nameEdit = QLineEdit(self.namePage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.nameLayout.addWidget(self.nameEdit)

        self.anonymousCheck = QCheckBox(self.namePage)
        self.anonymousCheck.setObjectName(u"anonymousCheck")

        self.nameLayout.addWidget(self.anonymousCheck)

        self.kecamatanCheck = QCheckBox(self.namePage)
        self.kecamatanCheck.setObjectName(u"kecamatanCheck")

        self.nameLayout.addWidget(self.kecamatanCheck)

        self.nameHint = QLabel(self.namePage)
        self.nameHint.setObjectName(u"nameHint")
        self.nameHint.setWordWrap(True)
        self.nameHint.setProperty(u"role", u"hint")

        self.nameLayout.addWidget(self.nameHint)

        self.nameError = QLabel(self.namePage)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setProperty(u"role", u"error")
        self.nameError.setWordWrap(True)

        self.nameLayout.addWidget(self.nameError)

        self.nameSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.nameLayout.addItem(self.nameSpacer)

        AssistedWizard.addPage(self.namePage)
        self.phonePage = QWizardPage()
        self.phonePage.setObjectName(u"phonePage")
        self.phoneLayout = QVBoxLayout(self.phonePage)
        self.phoneLayout.setObjectName(u"phoneLayout")
        self.phoneQuestion = QLabel(self.phonePage)
        self.phoneQuestion.setObjectName(u"phoneQuestion")
        self.phoneQuestion.setProperty(u"role", u"question")
        self.phoneQuestion.setWordWrap(True)

        self.phoneLayout.addWidget(self.phoneQuestion)

        self.phoneRow = QHBoxLayout()
        self.phoneRow.setObjectName(u"phoneRow")
        self.phoneEdit = QLineEdit(self.phonePage)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(24)

        self.phoneRow.addWidget(self.phoneEdit)

        self.phoneError = QLabel(self.phonePage)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setProperty(u"role", u"error")
        self.phoneError.setWordWrap(True)

        self.phoneRow.addWidget(self.phoneError)

        self.phoneRow.setStretch(0, 1)
        self.phoneRow.setStretch(1, 1)

        self.phoneLayout.addLayout(self.phoneRow)

        self.phoneHint = QLabel(self.phonePage)
        self.phoneHint.setObjectName(u"phoneHint")
        self.phoneHint.setWordWrap(True)
        self.phoneHint.setProperty(u"role", u"hint")

        self.phoneLayout.addWidget(self.phoneHint)

        self.phoneSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.phoneLayout.addItem(self.phoneSpacer)

        AssistedWizard.addPage(self.phonePage)
        self.nikPage = QWizardPage()
        self.nikPage.setObjectName(u"nikPage")
        self.nikLayout = QVBoxLayout(self.nikPage)
        self.nikLayout.setObjectName(u"nikLayout")
        self.nikQuestion = QLabel(self.nikPage)
        self.nikQuestion.setObjectName(u"nikQuestion")
        self.nikQuestion.setProperty(u"role", u"question")
        self.nikQuestion.setWordWrap(True)

        self.nikLayout.addWidget(self.nikQuestion)

        self.nikRow = QHBoxLayout()
        self.nikRow.setObjectName(u"nikRow")
        self.nikEdit = QLineEdit(self.nikPage)
        self.nikEdit.setObjectName(u"nikEdit")
        self.nikEdit.setMaxLength(24)
        self.nikEdit.setClearButtonEnabled(True)

        self.nikRow.addWidget(self.nikEdit)

        self.nikError = QLabel(self.nikPage)
        self.nikError.setObjectName(u"nikError")
        self.nikError.setProperty(u"role", u"error")
        self.nikError.setWordWrap(True)

        self.nikRow.addWidget(self.nikError)

        self.nikRow.setStretch(0, 1)
        self.nikRow.setStretch(1, 1)

        self.nikLayout.addLayout(self.nikRow)

        self.nikHint = QLabel(self.nikPage)
        self.nikHint.setObjectName(u"nikHint")
        self.nikHint.setWordWrap(True)
        self.nikHint.setProperty(u"role", u"hint")

        self.nikLayout.addWidget(self.nikHint)

        self.nikSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.nikLayout.addItem(self.nikSpacer)

        AssistedWizard.addPage(self.nikPage)
        self.summaryPage = QWizardPage()
        self.summaryPage.setObjectName(u"summaryPage")
        self.summaryLayout = QVBoxLayout(self.summaryPage)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryQuestion = QLabel(self.summaryPage)
        self.summaryQuestion.setObjectName(u"summaryQuestion")
        self.summaryQuestion.setProperty(u"role", u"question")
        self.summaryQuestion.setWordWrap(True)

        self.summaryLayout.addWidget(self.summaryQuestion)

        self.summaryHint = QLabel(self.summaryPage)
        self.summaryHint.setObjectName(u"summaryHint")
        self.summaryHint.setWordWrap(True)
        self.summaryHint.setProperty(u"role", u"hint")

        self.summaryLayout.addWidget(self.summaryHint)

        self.summaryLabel = QLabel(self.summaryPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.summaryLayout.addWidget(self.summaryLabel)

        self.summarySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.summaryLayout.addItem(self.summarySpacer)

        AssistedWizard.addPage(self.summaryPage)
        self.consentPage = QWizardPage()
        self.consentPage.setObjectName(u"consentPage")
        self.consentLayout = QVBoxLayout(self.consentPage)
        self.consentLayout.setObjectName(u"consentLayout")
        self.consentQuestion = QLabel(self.consentPage)
        self.consentQuestion.setObjectName(u"consentQuestion")
        self.consentQuestion.setProperty(u"role", u"question")
        self.consentQuestion.setWordWrap(True)

        self.consentLayout.addWidget(self.consentQuestion)

        self.consentText = QLabel(self.consentPage)
        self.consentText.setObjectName(u"consentText")
        self.consentText.setWordWrap(True)

        self.consentLayout.addWidget(self.consentText)

        self.consentCheck = QCheckBox(self.consentPage)
        self.consentCheck.setObjectName(u"consentCheck")

        self.consentLayout.addWidget(self.consentCheck)

        self.consentOfficerLabel = QLabel(self.consentPage)
        self.consentOfficerLabel.setObjectName(u"consentOfficerLabel")
        self.consentOfficerLabel.setWordWrap(True)
        self.consentOfficerLabel.setProperty(u"role", u"hint")

        self.consentLayout.addWidget(self.consentOfficerLabel)

        self.consentError = QLabel(self.consentPage)
        self.consentError.setObjectName(u"consentError")
        self.consentError.setProperty(u"role", u"error")
        self.consentError.setWordWrap(True)

        self.consentLayout.addWidget(self.consentError)

        self.consentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.consentLayout.addItem(self.consentSpacer)

        AssistedWizard.addPage(self.consentPage)
        self.donePage = QWizardPage()
        self.donePage.setObjectName(u"donePage")
        self.doneLayout = QVBoxLayout(self.donePage)
        self.doneLayout.setObjectName(u"doneLayout")
        self.doneQuestion = QLabel(self.donePage)
        self.doneQuestion.setObjectName(u"doneQuestion")
        self.doneQuestion.setProperty(u"role", u"question")
        self.doneQuestion.setWordWrap(True)

        self.doneLayout.addWidget(self.doneQuestion)

        self.trackingCodeLabel = QLabel(self.donePage)
        self.trackingCodeLabel.setObjectName(u"trackingCodeLabel")
        self.trackingCodeLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.trackingCodeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.doneLayout.addWidget(self.trackingCodeLabel)

        self.doneHint = QLabel(self.donePage)
        self.doneHint.setObjectName(u"doneHint")
        self.doneHint.setWordWrap(True)

        self.doneLayout.addWidget(self.doneHint)

        self.printRow = QHBoxLayout()
        self.printRow.setObjectName(u"printRow")
        self.printButton = QPushButton(self.donePage)
        self.printButton.setObjectName(u"printButton")

        self.printRow.addWidget(self.printButton)

        self.printSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.printRow.addItem(self.printSpacer)


        self.doneLayout.addLayout(self.printRow)

        self.doneSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.doneLayout.addItem(self.doneSpacer)

        AssistedWizard.addPage(self.donePage)
#if QT_CONFIG(shortcut)
        self.kelurahanLabel.setBuddy(self.kelurahanList)
        self.rwLabel.setBuddy(self.rwEdit)
        self.rtLabel.setBuddy(self.rtEdit)
        self.addressLabel.setBuddy(self.addressEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssistedWizard)

        QMetaObject.connectSlotsByName(AssistedWizard)
    # setupUi

    def retranslateUi(self, AssistedWizard):
        AssistedWizard.setWindowTitle(QCoreApplication.translate("AssistedWizard", u"Mode pendampingan", None))
        self.restoreLabel.setText(QCoreApplication.translate("AssistedWizard", u"Ada jawaban yang belum selesai dari pendampingan sebelumnya.", None))
        self.restoreButton.setText(QCoreApplication.translate("AssistedWizard", u"Pulihkan", None))
        self.discardDraftButton.setText(QCoreApplication.translate("AssistedWizard", u"Abaikan", None))
        self.categoryQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Apa yang terjadi?", None))
        self.categoryHint.setText(QCoreApplication.translate("AssistedWizard", u"Pilih satu yang paling sesuai.", None))
        self.locationQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Di mana tempatnya?", None))
        self.kelurahanLabel.setText(QCoreApplication.translate("AssistedWizard", u"&Kelurahan", None))
        self.rwLabel.setText(QCoreApplication.translate("AssistedWizard", u"R&W", None))
        self.rwEdit.setPlaceholderText(QCoreApplication.translate("AssistedWizard", u"mis. 005", None))
        self.rtLabel.setText(QCoreApplication.translate("AssistedWizard", u"R&T", None))
        self.rtEdit.setPlaceholderText(QCoreApplication.translate("AssistedWizard", u"mis. 003", None))
        self.addressLabel.setText(QCoreApplication.translate("AssistedWizard", u"&Alamat atau patokan (jalan, gang, dekat apa)", None))
        self.addressEdit.setPlaceholderText(QCoreApplication.translate("AssistedWizard", u"mis. Jl. Raya Bogor, depan masjid", None))
        self.descriptionQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Ceritakan lebih lanjut.", None))
        self.descriptionHint.setText(QCoreApplication.translate("AssistedWizard", u"Tuliskan dengan kata-kata warga: apa masalahnya, sejak kapan, siapa yang terdampak.", None))
        self.nameQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Siapa nama Bapak/Ibu?", None))
        self.anonymousCheck.setText(QCoreApplication.translate("AssistedWizard", u"Tanpa nama / anonim (identitas warga dirahasiakan)", None))
        self.kecamatanCheck.setText(QCoreApplication.translate("AssistedWizard", u"Atas nama kecamatan (temuan petugas, tanpa data warga)", None))
        self.nameHint.setText(QCoreApplication.translate("AssistedWizard", u"Nama hanya disimpan di kecamatan dan tidak diberikan kepada dinas.", None))
        self.phoneQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Nomor telepon atau WhatsApp (boleh dikosongkan)", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("AssistedWizard", u"mis. 0812-3456-7890", None))
        self.phoneHint.setText(QCoreApplication.translate("AssistedWizard", u"Dipakai untuk mengabarkan perkembangan pengaduan.", None))
        self.nikQuestion.setText(QCoreApplication.translate("AssistedWizard", u"NIK (nomor di KTP) \u2014 boleh dikosongkan", None))
        self.nikEdit.setPlaceholderText(QCoreApplication.translate("AssistedWizard", u"16 angka", None))
        self.nikHint.setText(QCoreApplication.translate("AssistedWizard", u"NIK disimpan terkunci (terenkripsi) dan hanya ditampilkan tersamar.", None))
        self.summaryQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Apakah ini sudah benar?", None))
        self.summaryHint.setText(QCoreApplication.translate("AssistedWizard", u"Petugas: bacakan ringkasan ini kepada warga. Jika ada yang salah, tekan Kembali.", None))
        self.consentQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Persetujuan warga", None))
        self.consentText.setText(QCoreApplication.translate("AssistedWizard", u"Petugas membacakan: \u201cData Bapak/Ibu (nama, telepon, NIK) hanya dipakai kecamatan untuk menangani pengaduan ini dan mengabarkan perkembangannya. Dinas dan petugas lapangan hanya melihat isi pengaduan, bukan siapa yang melapor. NIK disimpan terkunci. Apakah Bapak/Ibu setuju?\u201d", None))
        self.consentCheck.setText(QCoreApplication.translate("AssistedWizard", u"Persetujuan dibacakan dan disetujui secara lisan", None))
        self.doneQuestion.setText(QCoreApplication.translate("AssistedWizard", u"Pengaduan sudah tersimpan. Kode pelacakan:", None))
        self.doneHint.setText(QCoreApplication.translate("AssistedWizard", u"Simpan kode ini. Untuk menanyakan perkembangan, sebutkan kode ini kepada petugas kecamatan.", None))
        self.printButton.setText(QCoreApplication.translate("AssistedWizard", u"Cetak tanda terima", None))
    # retranslateUi


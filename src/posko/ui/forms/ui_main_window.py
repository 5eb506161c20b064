# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow, QMenu,
    QMenuBar, QSizePolicy, QStatusBar, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1100, 720)
        self.actionAssisted = QAction(MainWindow)
        self.actionAssisted.setObjectName(u"actionAssisted")
        self.actionSettings = QAction(MainWindow)
        self.actionSettings.setObjectName(u"actionSettings")
        self.actionAuditLog = QAction(MainWindow)
        self.actionAuditLog.setObjectName(u"actionAuditLog")
        self.actionSignOut = QAction(MainWindow)
        self.actionSignOut.setObjectName(u"actionSignOut")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionZoomIn = QAction(MainWindow)
        self.actionZoomIn.setObjectName(u"actionZoomIn")
        self.actionZoomOut = QAction(MainWindow)
        self.actionZoomOut.setObjectName(u"actionZoomOut")
        self.actionZoomReset = QAction(MainWindow)
        self.actionZoomReset.setObjectName(u"actionZoomReset")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.sessionLabel = QLabel(self.centralWidget)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.centralLayout.addWidget(self.sessionLabel)

        self.tabs = QTabWidget(self.centralWidget)
        self.tabs.setObjectName(u"tabs")
        self.queueTab = QWidget()
        self.queueTab.setObjectName(u"queueTab")
        self.queueTabLayout = QVBoxLayout(self.queueTab)
        self.queueTabLayout.setObjectName(u"queueTabLayout")
        self.tabs.addTab(self.queueTab, "")
        self.intakeTab = QWidget()
        self.intakeTab.setObjectName(u"intakeTab")
        self.intakeTabLayout = QVBoxLayout(self.intakeTab)
        self.intakeTabLayout.setObjectName(u"intakeTabLayout")
        self.tabs.addTab(self.intakeTab, "")
        self.lookupTab = QWidget()
        self.lookupTab.setObjectName(u"lookupTab")
        self.lookupTabLayout = QVBoxLayout(self.lookupTab)
        self.lookupTabLayout.setObjectName(u"lookupTabLayout")
        self.tabs.addTab(self.lookupTab, "")

        self.centralLayout.addWidget(self.tabs)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.menuFile = QMenu(self.menuBar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuDesk = QMenu(self.menuBar)
        self.menuDesk.setObjectName(u"menuDesk")
        self.menuView = QMenu(self.menuBar)
        self.menuView.setObjectName(u"menuView")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)

        self.menuBar.addAction(self.menuFile.menuAction())
        self.menuBar.addAction(self.menuDesk.menuAction())
        self.menuBar.addAction(self.menuView.menuAction())
        self.menuFile.addAction(self.actionSignOut)
        self.menuFile.addAction(self.actionQuit)
        self.menuDesk.addAction(self.actionAssisted)
        self.menuDesk.addAction(self.actionSettings)
        self.menuDesk.addSeparator()
        self.menuDesk.addAction(self.actionAuditLog)
        self.menuView.addAction(self.actionZoomIn)
        self.menuView.addAction(self.actionZoomOut)
        self.menuView.addAction(self.actionZoomReset)

        self.retranslateUi(MainWindow)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Posko", None))
        self.actionAssisted.setText(QCoreApplication.translate("MainWindow", u"Mode &pendampingan (warga lansia)", None))
#if QT_CONFIG(shortcut)
        self.actionAssisted.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+M", None))
#endif // QT_CONFIG(shortcut)
        self.actionSettings.setText(QCoreApplication.translate("MainWindow", u"&Pengaturan\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionSettings.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+,", None))
#endif // QT_CONFIG(shortcut)
        self.actionAuditLog.setText(QCoreApplication.translate("MainWindow", u"&Log audit\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionAuditLog.setToolTip(QCoreApplication.translate("MainWindow", u"Siapa melihat NIK lengkap atau mengubah apa, dan kapan (khusus supervisor)", None))
#endif // QT_CONFIG(tooltip)
        self.actionSignOut.setText(QCoreApplication.translate("MainWindow", u"&Keluar akun petugas", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Tutup aplikasi", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionZoomIn.setText(QCoreApplication.translate("MainWindow", u"Perbesar tulisan", None))
#if QT_CONFIG(shortcut)
        self.actionZoomIn.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl++", None))
#endif // QT_CONFIG(shortcut)
        self.actionZoomOut.setText(QCoreApplication.translate("MainWindow", u"Perkecil tulisan", None))
#if QT_CONFIG(shortcut)
        self.actionZoomOut.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+-", None))
#endif // QT_CONFIG(shortcut)
        self.actionZoomReset.setText(QCoreApplication.translate("MainWindow", u"Ukuran tulisan normal", None))
#if QT_CONFIG(shortcut)
        self.actionZoomReset.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+0", None))
#endif // QT_CONFIG(shortcut)
        self.sessionLabel.setText(QCoreApplication.translate("MainWindow", u"Petugas: -", None))
        self.tabs.setTabText(self.tabs.indexOf(self.queueTab), QCoreApplication.translate("MainWindow", u"&Antrean", None))
        self.tabs.setTabText(self.tabs.indexOf(self.intakeTab), QCoreApplication.translate("MainWindow", u"Pengaduan &baru", None))
        self.tabs.setTabText(self.tabs.indexOf(self.lookupTab), QCoreApplication.translate("MainWindow", u"&Cari tiket", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&Berkas", None))
        self.menuDesk.setTitle(QCoreApplication.translate("MainWindow", u"&Meja", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&Tampilan", None))
    # retranslateUi


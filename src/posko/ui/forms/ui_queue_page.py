# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'queue_page.ui'
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
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_QueuePage(object):
    def setupUi(self, QueuePage):
        if not QueuePage.objectName():
            QueuePage.setObjectName(u"QueuePage")
        self.layout = QVBoxLayout(QueuePage)
        self.layout.setObjectName(u"layout")
        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.takeNumberButton = QPushButton(QueuePage)
        self.takeNumberButton.setObjectName(u"takeNumberButton")

        self.actions.addWidget(self.takeNumberButton)

        self.callNextButton = QPushButton(QueuePage)
        self.callNextButton.setObjectName(u"callNextButton")

        self.actions.addWidget(self.callNextButton)

        self.leftButton = QPushButton(QueuePage)
        self.leftButton.setObjectName(u"leftButton")

        self.actions.addWidget(self.leftButton)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.spacer)


        self.layout.addLayout(self.actions)

        self.currentLabel = QLabel(QueuePage)
        self.currentLabel.setObjectName(u"currentLabel")
        self.currentLabel.setStyleSheet(u"font-size: 28pt; font-weight: bold;")

        self.layout.addWidget(self.currentLabel)

        self.summaryLabel = QLabel(QueuePage)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.layout.addWidget(self.summaryLabel)

        self.queueTable = QTableWidget(QueuePage)
        if (self.queueTable.columnCount() < 5):
            self.queueTable.setColumnCount(5)
        __qtablewidgetitem = QTableWidgetItem()
        self.queueTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.queueTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.queueTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.queueTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.queueTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        self.queueTable.setObjectName(u"queueTable")
        self.queueTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queueTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queueTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.layout.addWidget(self.queueTable)


        self.retranslateUi(QueuePage)

        QMetaObject.connectSlotsByName(QueuePage)
    # setupUi

    def retranslateUi(self, QueuePage):
        self.takeNumberButton.setText(QCoreApplication.translate("QueuePage", u"Ambil nomor antrean (F2)", None))
#if QT_CONFIG(shortcut)
        self.takeNumberButton.setShortcut(QCoreApplication.translate("QueuePage", u"F2", None))
#endif // QT_CONFIG(shortcut)
        self.callNextButton.setText(QCoreApplication.translate("QueuePage", u"Panggil berikutnya (F3)", None))
#if QT_CONFIG(shortcut)
        self.callNextButton.setShortcut(QCoreApplication.translate("QueuePage", u"F3", None))
#endif // QT_CONFIG(shortcut)
        self.leftButton.setText(QCoreApplication.translate("QueuePage", u"Tandai pulang", None))
        self.currentLabel.setText(QCoreApplication.translate("QueuePage", u"Belum ada nomor dipanggil", None))
        self.summaryLabel.setText(QCoreApplication.translate("QueuePage", u"-", None))
        ___qtablewidgetitem = self.queueTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("QueuePage", u"Nomor", None))
        ___qtablewidgetitem1 = self.queueTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("QueuePage", u"Jam ambil", None))
        ___qtablewidgetitem2 = self.queueTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("QueuePage", u"Keadaan", None))
        ___qtablewidgetitem3 = self.queueTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("QueuePage", u"Petugas", None))
        ___qtablewidgetitem4 = self.queueTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("QueuePage", u"Tiket", None))
        pass
    # retranslateUi


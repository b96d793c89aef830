#include "UiTestSupport.h"
#include "accounts/AccountsHeader.h"

#include <QFontMetrics>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QtTest>

using namespace tenantry;

class TestAccountsHeader : public QObject
{
    Q_OBJECT

private slots:
    void measuresSectionsInTheWeightItDrawsThem()
    {
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({QStringLiteral("Account, tenant or subscription"), QStringLiteral("Status"),
                                         QStringLiteral("Token expires")});
        QTreeView view;
        auto* header = new AccountsHeader(&view);
        view.setHeader(header);
        view.setModel(&model);
        QHeaderView plain(Qt::Horizontal); // Qt's own: it measures in bold
        plain.setModel(&model);
        view.show();
        plain.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QVERIFY(!header->highlightSections()); // never bold, so never wider than measured
        QCOMPARE(header->defaultAlignment(), Qt::AlignLeft | Qt::AlignVCenter);
        const QFontMetrics regular(header->font());
        const int margins = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
        for (int section = 0; section < model.columnCount(); ++section) {
            const QString text = model.headerData(section, Qt::Horizontal).toString();
            const int width = header->sectionSizeHint(section);
            // The text fits in the regular weight, with the style's margins...
            QVERIFY2(width >= regular.horizontalAdvance(text) + margins, qPrintable(text));
            // ...and takes no more room than Qt's bold measure gives it.
            QVERIFY2(width <= plain.sectionSizeHint(section), qPrintable(text));
        }
        QVERIFY(header->sectionSizeHint(0) < plain.sectionSizeHint(0)); // bold is wider: this one is regular
        QVERIFY(header->sizeHint().height() >= regular.height());
    }

    void aSizeTheModelGivesWins()
    {
        QStandardItemModel model(0, 1);
        model.setHorizontalHeaderLabels({QStringLiteral("Name")});
        model.setHeaderData(0, Qt::Horizontal, QSize(321, 40), Qt::SizeHintRole);
        AccountsHeader header;
        header.setModel(&model);
        QCOMPARE(header.sectionSizeHint(0), 321);
    }
};

QTEST_MAIN(TestAccountsHeader)
#include "TestAccountsHeader.moc"

import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  title: { margin: 0 },
});

/** What the add-in's page says when it is opened outside Excel. */
export function OutsideExcel() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        KPI Tracker
      </Title2>
      <Body1 as="p" className={styles.title}>
        This is KPI Tracker&apos;s task pane, and it works inside Excel: open your KPI workbook in Excel and choose Open KPI Tracker on the
        KPI Tracker tab of the ribbon.
      </Body1>
      <Body1 as="p" className={styles.title}>
        To try it without Excel, run <code>npm run workbench</code>, which shows the same pane beside a sample workbook.
      </Body1>
    </main>
  );
}

import { Body1, Caption1, makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  note: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

export interface AppProps {
  /** True when running inside Excel rather than a plain browser. */
  inExcel: boolean;
}

export function App({ inExcel }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" alt="" width={32} height={32} />
        <Title2 as="h1">KPI Tracker</Title2>
      </header>
      <Body1>
        KPI Tracker finds the performance indicators in your team&apos;s workbook and judges each one against its
        target, so the status you report is consistent and easy to explain.
      </Body1>
      <section className={styles.note} aria-label="Getting started">
        <Subtitle2 as="h2" block>
          Setting up
        </Subtitle2>
        <Body1>The steps to set up this workbook will appear here.</Body1>
      </section>
      {!inExcel && <Caption1>Not running in Excel: open this page from the KPI Tracker tab to work on a workbook.</Caption1>}
    </main>
  );
}

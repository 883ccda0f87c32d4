import { Tab, TabList, makeStyles } from '@fluentui/react-components';
import type { PageDef } from './pages.ts';

const useStyles = makeStyles({ tab: { justifyContent: 'flex-start' } });

/** The list of pages a person's roles open, as vertical tabs: beside the page, or in the phone's menu. */
export default function PageNav(props: {
  pages: readonly PageDef[];
  current: string;
  className?: string;
  onChosen: () => void;
}) {
  const styles = useStyles();
  return (
    <nav className={props.className} aria-label="Pages">
      <TabList
        vertical
        // The nav has a fixed width, so reserving bold-label space would only misalign labels.
        reserveSelectedTabSpace={false}
        selectedValue={props.current}
        onTabSelect={(_, data) => {
          window.location.hash = `#/${String(data.value)}`;
          props.onChosen();
        }}
      >
        {props.pages.map((p) => (
          <Tab key={p.id} value={p.id} className={styles.tab}>
            {p.title}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}

import {
  Badge,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  FluentProvider,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  OverlayDrawer,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, NavigationRegular } from '@fluentui/react-icons';
import { Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiProblem, api, session, type Me } from './api.ts';
import { DevSignIn } from './DevSignIn.tsx';
import { entraTokenSource, type SignInConfig } from './entra-sign-in.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import type { Host, ThemeName } from './host.ts';
import { pagesFor } from './pages.ts';
import { ConfigureTab } from './public/ConfigureTab.tsx';
import { InfoPage } from './public/InfoPage.tsx';
import { useHashRoute } from './route.ts';
import { ShellContext } from './shell-context.ts';
import { THEMES, THEME_LABELS } from './theme.ts';
import { useNarrow } from './useNarrow.ts';
import { useTouchStyles } from './touch.ts';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
  },
  title: { flexGrow: 1 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  nav: {
    width: '220px',
    flexShrink: 0,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  navTab: { justifyContent: 'flex-start' },
  main: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalXL,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  narrowMain: { padding: tokens.spacingHorizontalM },
  drawerPerson: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  skip: {
    position: 'absolute',
    left: '-9999px',
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10 },
  },
});

function Shell({
  me,
  onSwitchPerson,
  theme,
  onTheme,
  host,
}: {
  me: Me;
  onSwitchPerson: () => void;
  theme: ThemeName;
  onTheme: (t: ThemeName) => void;
  host: Host;
}) {
  const styles = useStyles();
  const route = useHashRoute();
  const [pageId, ...rest] = route.split('/');
  const param = rest.length ? decodeURIComponent(rest.join('/')) : undefined;
  const pages = pagesFor(me.roles);
  const page = pages.find((p) => p.id === pageId) ?? pages[0]!;
  const schoolId = me.person.schoolId;
  const PageComponent = page.component;

  useEffect(() => {
    document.title = `${page.title} · Social Media Policy Hub`;
  }, [page]);
  const narrow = useNarrow();
  const touch = useTouchStyles();
  const [menuOpen, setMenuOpen] = useState(false);

  // Who is signed in, and the theme and person switches: in the header, or at the top of the menu on a phone.
  const whoAndHow: ReactNode = (
    <>
      <Text aria-label="Signed in as">{me.person.displayName}</Text>
      {me.roles.map((role) => (
        <Badge key={role} appearance="tint" color="brand">
          {role}
        </Badge>
      ))}
      {!host.inTeams && (
        <Menu
          checkedValues={{ theme: [theme] }}
          onCheckedValueChange={(_, d) => onTheme(d.checkedItems[0] as ThemeName)}
        >
          <MenuTrigger disableButtonEnhancement>
            <Button appearance="subtle">Theme: {THEME_LABELS[theme]}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {(Object.keys(THEMES) as ThemeName[]).map((t) => (
                <MenuItemRadio key={t} name="theme" value={t}>
                  {THEME_LABELS[t]}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
      {me.signIn === 'dev' && (
        <Button appearance="secondary" onClick={onSwitchPerson}>
          Switch person
        </Button>
      )}
    </>
  );

  const navigation = (
    <nav className={narrow ? undefined : styles.nav} aria-label="Pages">
      <TabList
        vertical
        // The nav has a fixed width, so reserving bold-label space would only misalign labels.
        reserveSelectedTabSpace={false}
        selectedValue={page.id}
        onTabSelect={(_, data) => {
          window.location.hash = `#/${String(data.value)}`;
          setMenuOpen(false);
        }}
      >
        {pages.map((p) => (
          <Tab key={p.id} value={p.id} className={styles.navTab}>
            {p.title}
          </Tab>
        ))}
      </TabList>
    </nav>
  );

  return (
    <ShellContext.Provider value={{ me }}>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <header className={`${styles.header} ${touch.touch}`}>
        {narrow && (
          <Button
            appearance="subtle"
            icon={<NavigationRegular />}
            aria-label="Menu"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Text as="h1" weight="semibold" size={400} className={styles.title}>
          Social Media Policy Hub
        </Text>
        {!narrow && whoAndHow}
      </header>
      <div className={styles.body}>
        {narrow ? (
          <OverlayDrawer
            className={touch.touch}
            open={menuOpen}
            onOpenChange={(_, data) => setMenuOpen(data.open)}
            position="start"
          >
            <DrawerHeader>
              <DrawerHeaderTitle
                action={
                  <Button
                    appearance="subtle"
                    aria-label="Close the menu"
                    icon={<DismissRegular />}
                    onClick={() => setMenuOpen(false)}
                  />
                }
              >
                Pages
              </DrawerHeaderTitle>
            </DrawerHeader>
            <DrawerBody>
              <div className={styles.drawerPerson}>{whoAndHow}</div>
              {navigation}
            </DrawerBody>
          </OverlayDrawer>
        ) : (
          navigation
        )}
        <main id="main" className={`${styles.main} ${touch.touch} ${narrow ? styles.narrowMain : ''}`} tabIndex={-1}>
          <Suspense fallback={<Spinner label="Loading" />}>
            <PageComponent page={page} schoolId={schoolId} param={page.id === pageId ? param : undefined} />
          </Suspense>
        </main>
      </div>
    </ShellContext.Provider>
  );
}

const THEME_KEY = 'smph.theme';

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(
    () => (!host.inTeams && (localStorage.getItem(THEME_KEY) as ThemeName | null)) || host.theme,
  );
  const [me, setMe] = useState<Me | null>();
  const [error, setError] = useState<Error>();
  const [sessionEnded, setSessionEnded] = useState(false);
  useEffect(
    () =>
      session.onEnded(() => {
        setSessionEnded(true);
        setMe(null);
      }),
    [],
  );

  useEffect(() => host.onThemeChange(setTheme), [host]);

  const loadMe = useCallback(() => {
    setError(undefined);
    if (!session.usesEntra() && !session.token()) {
      setMe(null);
      return;
    }
    api<Me>('/me').then(setMe, (err: unknown) => {
      if (err instanceof ApiProblem && err.status === 401 && !session.usesEntra()) {
        session.clear();
        setMe(null);
      } else setError(err as Error);
    });
  }, []);
  // In a tenant, sign in with Entra ID before anything else; embedded, the demo sign-in page decides.
  useEffect(() => {
    api<SignInConfig>('/sign-in-config')
      .then(async (config) => {
        if (config.scheme === 'entra') session.useEntra(await entraTokenSource(config, host));
        loadMe();
      })
      .catch((err: unknown) => setError(err as Error));
  }, [host, loadMe]);

  const chooseTheme = (t: ThemeName) => {
    localStorage.setItem(THEME_KEY, t);
    setTheme(t);
  };

  const route = useHashRoute();
  const publicPage =
    route === 'configure' ? (
      <ConfigureTab inTeams={host.inTeams} />
    ) : route === 'privacy' || route === 'terms' ? (
      <InfoPage kind={route} />
    ) : undefined;

  return (
    // The layout lives on an inner element: Fluent copies the provider's class onto portals (tooltips,
    // dialogs), and a full-height class there would cover the page.
    <FluentProvider theme={THEMES[theme]}>
      <div className={styles.root}>
        {publicPage ? (
          publicPage
        ) : error ? (
          <ErrorNotice error={error} />
        ) : me === undefined ? (
          <Spinner label="Signing you in" />
        ) : me === null ? (
          <DevSignIn
            notice={
              sessionEnded
                ? 'Your demo session has ended (the server was restarted, or it has been eight hours). Choose who to sign in as again; nothing you saved is lost.'
                : undefined
            }
            onSignedIn={() => {
              setSessionEnded(false);
              loadMe();
            }}
          />
        ) : (
          <Shell
            me={me}
            host={host}
            theme={theme}
            onTheme={chooseTheme}
            onSwitchPerson={() => {
              session.clear();
              setMe(null);
            }}
          />
        )}
      </div>
    </FluentProvider>
  );
}

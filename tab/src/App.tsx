import { Badge, Button, FluentProvider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { NavigationRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiProblem, api, session, type Me } from './api.ts';
import { entraTokenSource, type SignInConfig } from './entra-sign-in.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import type { Host, ThemeName } from './host.ts';
import { pagesFor } from './pages.ts';
import { wordsFor } from '../../src/domain/strings.ts';
import { useHashRoute } from './route.ts';
import { ShellContext } from './shell-context.ts';
import { THEMES } from './theme.ts';
import { useNarrow } from './useNarrow.ts';
import { useTouchStyles } from './touch.ts';

// Kept out of the first download: what a signed-in phone in Teams never shows.
const DevSignIn = lazy(() => import('./DevSignIn.tsx').then((m) => ({ default: m.DevSignIn })));
const ConfigureTab = lazy(() => import('./public/ConfigureTab.tsx').then((m) => ({ default: m.ConfigureTab })));
const InfoPage = lazy(() => import('./public/InfoPage.tsx').then((m) => ({ default: m.InfoPage })));
const ThemeMenu = lazy(() => import('./ThemeMenu.tsx'));
const NavDrawer = lazy(() => import('./NavDrawer.tsx'));
const PageNav = lazy(() => import('./PageNav.tsx'));

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
  const pages = pagesFor(me.roles, me.language);
  const t = wordsFor(me.language);
  const page = pages.find((p) => p.id === pageId) ?? pages[0]!;
  const schoolId = me.person.schoolId;
  const PageComponent = page.component;

  const appName = t('app.name');
  useEffect(() => {
    document.title = `${page.title} · ${appName}`;
  }, [page, appName]);
  const narrow = useNarrow();
  const touch = useTouchStyles();
  const [menuOpen, setMenuOpen] = useState(false);
  // The phone's menu is fetched the first time it is opened, not with the first screen.
  const [menuUsed, setMenuUsed] = useState(false);

  // Who is signed in, and the theme and person switches: in the header, or at the top of the menu on a phone.
  const whoAndHow: ReactNode = (
    <>
      <Text aria-label={t('shell.signedInAs')}>{me.person.displayName}</Text>
      {me.roles.map((role) => (
        <Badge key={role} appearance="tint" color="brand">
          {role}
        </Badge>
      ))}
      {!host.inTeams && (
        <Suspense fallback={null}>
          <ThemeMenu theme={theme} onTheme={onTheme} />
        </Suspense>
      )}
      {me.signIn === 'dev' && (
        <Button appearance="secondary" onClick={onSwitchPerson}>
          {t('shell.switchPerson')}
        </Button>
      )}
    </>
  );

  const navigation = (
    <Suspense fallback={<div className={narrow ? undefined : styles.nav} />}>
      <PageNav
        pages={pages}
        current={page.id}
        className={narrow ? undefined : styles.nav}
        onChosen={() => setMenuOpen(false)}
      />
    </Suspense>
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
            onClick={() => {
              setMenuUsed(true);
              setMenuOpen(true);
            }}
          />
        )}
        <Text as="h1" weight="semibold" size={400} className={styles.title}>
          {t('app.name')}
        </Text>
        {!narrow && whoAndHow}
      </header>
      <div className={styles.body}>
        {narrow
          ? menuUsed && (
              <Suspense fallback={null}>
                <NavDrawer className={touch.touch} open={menuOpen} onOpenChange={setMenuOpen}>
                  <div className={styles.drawerPerson}>{whoAndHow}</div>
                  {navigation}
                </NavDrawer>
              </Suspense>
            )
          : navigation}
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
        <Suspense fallback={<Spinner label="Loading" />}>
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
        </Suspense>
      </div>
    </FluentProvider>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { completeOidcSignIn, CALLBACK_PATH } from './auth/sign-in';
import { SignInPage } from './auth/sign-in-page';
import { homeOf, session, type Actor, type Session } from './auth/session';
import type { WebConfig } from './brand/web-config';
import { DashboardPage } from './dashboard/dashboard-page';
import { HistoryPage } from './history/history-page';
import { ScanPage } from './scan/scan-page';
import { Page } from './ui/page';
import { Footer, Header } from './ui/chrome';
import { useOnline } from './ui/online';
import { navigate, usePath } from './ui/router';

interface Route {
  readonly title: string;
  readonly role: Actor['role'];
  readonly render: (actor: Actor) => preact.JSX.Element;
}

const ROUTES: Record<string, Route> = {
  '/app/scan': {
    title: 'Scanner un chèque',
    role: 'venue',
    render: (actor) => <ScanPage actor={actor} signedIn />,
  },
  '/app/historique': { title: 'Historique du lieu', role: 'venue', render: () => <HistoryPage /> },
  '/app/tableau-de-bord': {
    title: 'Tableau de bord',
    role: 'payer',
    render: (actor) => <DashboardPage actor={actor} />,
  },
};

export function App({ config }: { config: WebConfig }) {
  const path = usePath();
  const online = useOnline();
  const [current, setCurrent] = useState<Session | undefined>(session.current());
  const [notice, setNotice] = useState<string>();
  const brand = config.brand.name;

  useEffect(
    () =>
      session.subscribe((next, reason) => {
        setCurrent(next);
        if (reason === 'expired') setNotice('Votre session a expiré : reconnectez-vous.');
      }),
    [],
  );

  useEffect(() => {
    if (path !== CALLBACK_PATH) return;
    completeOidcSignIn(config)
      .then((actor) => navigate(homeOf(actor.role), true))
      .catch(() => {
        setNotice("La connexion n'a pas abouti. Réessayez.");
        navigate('/app/', true);
      });
  }, [path]);

  const actor = current?.actor;
  const route = ROUTES[path];
  // Signed in on the home page: go to the role's page.
  const landing = actor && path === '/app' && homeOf(actor.role) !== '/app/' ? homeOf(actor.role) : undefined;
  useEffect(() => {
    if (landing) navigate(landing, true);
  }, [landing]);

  let title: string;
  let body: preact.JSX.Element;
  if (path === CALLBACK_PATH) {
    title = 'Connexion en cours';
    body = <p role="status">Connexion en cours…</p>;
  } else if (!actor && path === '/app/scan' && !online && session.lastVenue()) {
    // Offline with no session (the tab was closed): scans are kept until the venue signs in again.
    title = ROUTES[path].title;
    body = <ScanPage actor={session.lastVenue() as Actor} signedIn={false} />;
  } else if (!actor) {
    title = 'Connexion';
    body = <SignInPage config={config} notice={notice} />;
  } else if (route && route.role === actor.role) {
    title = route.title;
    body = route.render(actor);
  } else if (route) {
    title = 'Accès réservé';
    body = <p class="notice notice--warning">Cette page est réservée à un autre type de compte.</p>;
  } else if (landing) {
    return null;
  } else {
    title = 'Accueil';
    body = <p>Aucune page de cette application ne concerne ce type de compte pour l'instant.</p>;
  }

  return (
    <>
      <a class="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <Header config={config} actor={actor} path={path} />
      <main id="contenu" class="main" tabIndex={-1}>
        <Page title={title} brand={brand}>
          {body}
        </Page>
      </main>
      <Footer config={config} path={path} />
    </>
  );
}

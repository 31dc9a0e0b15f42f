import { Alert, Button, Card, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../errors/errors';
import { usePageTitle } from '../layout/usePageTitle';
import { demoLogin, safeReturnTo, useSession, useSetSession } from './session';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('signIn.title'));
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const demo = useMutation({
    mutationFn: demoLogin,
    onSuccess: (next) => {
      setSession(next);
      void navigate(returnTo, { replace: true });
    },
  });

  if (session.isPending) return <Spinner aria-label={t('app.loading')} />;
  if (session.data?.authenticated) return <Navigate to={returnTo} replace />;
  const signIn = session.data?.signIn;

  return (
    <div className="stack sign-in">
      <Heading level={1} data-size="lg">
        {t('signIn.title')}
      </Heading>
      {session.isError ? <Alert data-color="danger">{errorText(t, session.error)}</Alert> : null}
      {demo.isError ? (
        <Alert data-color="danger">
          <Paragraph>
            {t('signIn.failed')} {errorText(t, demo.error)}
          </Paragraph>
        </Alert>
      ) : null}
      {signIn?.oidc ? (
        <div className="stack">
          <Paragraph>{t('signIn.intro')}</Paragraph>
          <div>
            <Button asChild>
              <a href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>{t('signIn.oidc')}</a>
            </Button>
          </div>
        </div>
      ) : null}
      {signIn && signIn.demoPersonas.length > 0 ? (
        <Card data-color="neutral">
          <Heading level={2} data-size="sm">
            {t('signIn.demoTitle')}
          </Heading>
          <Paragraph>{t('signIn.demoIntro')}</Paragraph>
          <ul className="stack sign-in__personas">
            {signIn.demoPersonas.map((persona) => (
              <li key={persona.key}>
                <Button
                  variant="secondary"
                  onClick={() => demo.mutate(persona.key)}
                  loading={demo.isPending && demo.variables === persona.key}
                >
                  {t('signIn.demoButton', {
                    name: persona.name,
                    role: t(`role.${persona.role}`, { defaultValue: persona.role }),
                  })}
                </Button>
                <Paragraph data-size="sm">{persona.description}</Paragraph>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {signIn && !signIn.oidc && signIn.demoPersonas.length === 0 ? (
        <Alert data-color="warning">{t('signIn.noMethod')}</Alert>
      ) : null}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import type { UserLookup } from '@cocok/api';
import { request } from '../../lib/api-client.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { useFormat } from '../common/use-format.ts';
import { RequireStaff } from './require-staff.tsx';
import { errorText } from '../../lib/error-text.ts';

type FoundUser = UserLookup['user'];
const ROLES = ['witness', 'moderator', 'admin'] as const;

/** `/moderasi/pengguna` (admins): find an account by phone number or e-mail and give it a role. */
export function UsersPage() {
  return (
    <RequireStaff>
      <AdminOnly />
    </RequireStaff>
  );
}

function AdminOnly() {
  const { t } = useFormat();
  useDocumentTitle(t('moderation.usersTitle'));
  if (useAuth().user?.role !== 'admin') {
    return (
      <section className="notice notice--error" role="alert">
        <h1>{t('moderation.adminOnlyTitle')}</h1>
        <p>{t('moderation.adminOnlyText')}</p>
      </section>
    );
  }
  return <RoleForm />;
}

function RoleForm() {
  const { t, lang } = useFormat();
  const [contact, setContact] = useState('');
  const [user, setUser] = useState<FoundUser | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fail = (err: unknown) => setMessage({ ok: false, text: errorText(err, { lang, t }) });

  async function find(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    setUser(null);
    try {
      setUser((await request('userLookup', { query: { contact: contact.trim() } })).user);
    } catch (err) {
      fail(err);
    }
  }

  async function give(role: FoundUser['role']) {
    if (!user) return;
    try {
      const res = await request('userRole', { params: { id: user.id }, body: { role } });
      setUser({ ...user, role: res.user.role });
      setMessage({
        ok: true,
        text: t('moderation.roleChanged', { who: user.name, role: t(`moderation.roles.${role}`) }),
      });
    } catch (err) {
      fail(err);
    }
  }

  return (
    <>
      <PageHeader kicker={t('moderation.kicker')} title={t('moderation.usersTitle')} />
      <form className="inline-form narrow" onSubmit={(e) => void find(e)}>
        <label htmlFor="user-contact">{t('moderation.userContact')}</label>
        <div className="inline-form__row">
          <input id="user-contact" value={contact} onChange={(e) => setContact(e.target.value)} autoComplete="off" />
          <button type="submit" className="button">
            {t('moderation.findUser')}
          </button>
        </div>
      </form>
      {message && (
        <p className={message.ok ? 'notice' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {user && (
        <section className="panel narrow" data-testid="found-user">
          <p>
            <strong>{user.name}</strong> · {user.contact} · {user.pseudonym}
            {user.staffPseudonym && ` · ${user.staffPseudonym}`}
          </p>
          <p>{t('moderation.currentRole', { role: t(`moderation.roles.${user.role}`) })}</p>
          <div className="button-row">
            {ROLES.filter((r) => r !== user.role).map((r) => (
              <button key={r} type="button" className="button button--secondary" onClick={() => void give(r)}>
                {t('moderation.makeRole', { role: t(`moderation.roles.${r}`) })}
              </button>
            ))}
          </div>
        </section>
      )}
    </>
  );
}

import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PublicUser } from '../../../../server/src/modules/accounts/accounts.service.ts';
import { ApiError, postJson, refreshCsrfToken, setCsrfToken } from '../../lib/api-client.ts';

type Me = { user: PublicUser | null; csrfToken: string };

export type AuthValue = {
  /** `loading` until `GET /api/auth/me` answered; `error` when it could not be asked (offline). */
  status: 'loading' | 'ready' | 'error';
  user: PublicUser | null;
  error: ApiError | null;
  retry: () => void;
  register: (body: { name: string; contact: string; password: string }) => Promise<PublicUser>;
  login: (body: { contact: string; password: string }) => Promise<PublicUser>;
  /** `beforeSignOut` runs in the same render batch as the sign-out (e.g. leaving a page that needs a login). */
  logout: (beforeSignOut?: () => void) => Promise<void>;
};

const AuthContext = createContext<AuthValue | null>(null);

/** Who is signed in, for the whole app; also keeps the CSRF token current after each change. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthValue['status']>('loading');
  const [user, setUser] = useState<PublicUser | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    refreshCsrfToken<Me>().then(
      (me) => {
        if (!live) return;
        setUser(me.user);
        setStatus('ready');
      },
      (err: unknown) => {
        if (!live) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'client-error', String(err), String(err)));
        setStatus('error');
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  const signedIn = useCallback((me: { user: PublicUser; csrfToken: string }) => {
    setCsrfToken(me.csrfToken);
    setUser(me.user);
    setStatus('ready');
    setError(null);
    return me.user;
  }, []);

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      error,
      retry: () => setAttempt((n) => n + 1),
      register: async (body) => signedIn(await postJson<Me & { user: PublicUser }>('/api/auth/register', body)),
      login: async (body) => signedIn(await postJson<Me & { user: PublicUser }>('/api/auth/login', body)),
      logout: async (beforeSignOut) => {
        const res = await postJson<{ csrfToken: string }>('/api/auth/logout');
        setCsrfToken(res.csrfToken);
        // react-router navigates inside a transition; signing out in the same one renders both at once.
        startTransition(() => {
          beforeSignOut?.();
          setUser(null);
        });
      },
    }),
    [status, user, error, signedIn],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

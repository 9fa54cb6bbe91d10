import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { LoginBody, PublicUser, RegisterBody, SignedIn } from '@cocok/api';
import { ApiError, refreshCsrfToken, request, setCsrfToken } from '../../lib/api-client.ts';

export type AuthValue = {
  /** `loading` until `GET /api/auth/me` answered; `error` when it could not be asked (offline). */
  status: 'loading' | 'ready' | 'error';
  user: PublicUser | null;
  error: ApiError | null;
  retry: () => void;
  register: (body: RegisterBody) => Promise<PublicUser>;
  login: (body: LoginBody) => Promise<PublicUser>;
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
    refreshCsrfToken().then(
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

  const signedIn = useCallback((me: SignedIn) => {
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
      register: async (body) => signedIn(await request('register', { body })),
      login: async (body) => signedIn(await request('login', { body })),
      logout: async (beforeSignOut) => {
        const res = await request('logout');
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

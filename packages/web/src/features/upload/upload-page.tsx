import './upload.css';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../lib/api-client.ts';
import { asTpsCode } from '../../lib/paths.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PageHeader } from '../common/page-header.tsx';
import { RequireLogin } from '../auth/require-login.tsx';
import { submissionPath } from '../auth/auth-paths.ts';
import { loadLastTps, placeOf, saveLastTps, type ChosenTps } from './last-tps.ts';
import { TpsPicker } from './tps-picker.tsx';
import { PhotoStep } from './photo-step.tsx';
import { usePhotoQueue, type PhotoItem } from './use-photo-queue.ts';
import { describeUploadFailure, type UploadFailure } from './upload-errors.ts';
import { ReloginForm } from './relogin-form.tsx';

/** `/unggah` (login required): choose the TPS, add photos of the form, send them. `?tps=` preselects. */
export function UploadPage() {
  return (
    <RequireLogin>
      <UploadForm />
    </RequireLogin>
  );
}

function UploadForm() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [tps, setTps] = useState<ChosenTps | null>(() => loadLastTps());
  const photos = usePhotoQueue();
  const [failure, setFailure] = useState<UploadFailure | null>(null);
  const [sending, setSending] = useState(false);
  const cancel = useRef<AbortController | null>(null);
  useDocumentTitle(t('upload.title'));
  usePreselectedTps(params.get('tps'), setTps);

  function choose(next: ChosenTps | null) {
    setTps(next);
    if (next) saveLastTps(next);
  }

  async function send() {
    if (!tps) return;
    setSending(true);
    setFailure(null);
    cancel.current = new AbortController();
    try {
      const answer = await photos.send(tps.code, cancel.current.signal);
      navigate(submissionPath(answer.id));
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError(0, 'client-error', String(err), String(err));
      setFailure(describeUploadFailure(error, { t, lang: i18n.language, online: navigator.onLine }));
      setSending(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeader kicker={t('upload.kicker')} title={t('upload.title')} />
      <p>{t('upload.intro')}</p>
      <section className="panel step" aria-labelledby="step-tps">
        <h2 id="step-tps">{t('upload.stepTps')}</h2>
        <TpsPicker chosen={tps} onChoose={choose} />
      </section>
      <PhotoStep photos={photos} sending={sending} />
      <SendStep
        tps={tps}
        items={photos.items}
        sending={sending}
        failure={failure}
        onSend={() => void send()}
        onCancel={() => cancel.current?.abort()}
      />
    </div>
  );
}

type SendStepProps = {
  tps: ChosenTps | null;
  items: PhotoItem[];
  sending: boolean;
  failure: UploadFailure | null;
  onSend: () => void;
  onCancel: () => void;
};

/** Step 3: the send button, what is missing before it can be pressed, the last failure, and a way to stop a stalled upload. */
function SendStep(props: SendStepProps) {
  const { t } = useTranslation();
  const { tps, items, sending, failure } = props;
  const preparing = items.some((i) => i.state === 'preparing');
  const ready = items.filter((i) => i.prepared).length;
  return (
    <section className="panel step" aria-labelledby="step-send">
      <h2 id="step-send">{t('upload.stepSend')}</h2>
      {failure && <FailureNotice failure={failure} onSignedIn={props.onSend} />}
      {!tps && <p className="muted">{t('upload.needTps')}</p>}
      {tps && ready === 0 && <p className="muted">{t('upload.needPhotos')}</p>}
      <button
        type="button"
        className="button button--wide"
        disabled={!tps || ready === 0 || preparing || sending}
        onClick={props.onSend}
      >
        {sending
          ? t('upload.sending')
          : failure
            ? t('upload.sendAgain')
            : ready === 0
              ? t('upload.sendNothing')
              : t('upload.send', { count: ready })}
      </button>
      {sending && (
        <p>
          <button type="button" className="button button--secondary" onClick={props.onCancel}>
            {t('upload.cancel')}
          </button>
        </p>
      )}
    </section>
  );
}

function FailureNotice({ failure, onSignedIn }: { failure: UploadFailure; onSignedIn: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert" data-testid="upload-failure">
      <p className="notice__title">{t('upload.failedTitle')}</p>
      <p>{failure.text}</p>
      {failure.action === 'retry' && <p className="small">{t('upload.retryHint')}</p>}
      {failure.action === 'replace' && <p className="small">{t('upload.replaceHint')}</p>}
      {failure.action === 'login' && <ReloginForm onSignedIn={onSignedIn} />}
    </div>
  );
}

/** A link such as the TPS page's "upload for this TPS" opens the page with that TPS chosen. */
function usePreselectedTps(param: string | null, setTps: (tps: ChosenTps) => void) {
  useEffect(() => {
    const code = param ? asTpsCode(param) : null;
    if (!code) return;
    let live = true;
    request('tps', { params: { code } }).then(
      (v) => {
        if (!live) return;
        const chosen = { code: v.code, name: v.name, place: placeOf(v.breadcrumb) };
        setTps(chosen);
        saveLastTps(chosen);
      },
      () => undefined, // an unknown code in the link: the witness picks the TPS by hand
    );
    return () => {
      live = false;
    };
  }, [param, setTps]);
}

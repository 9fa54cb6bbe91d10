import './upload.css';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PhotoList } from './photo-list.tsx';
import { MAX_PHOTOS, type usePhotoQueue } from './use-photo-queue.ts';

/**
 * Step 2: photos from the camera or the gallery. Two inputs rather than one `multiple capture`:
 * with `capture` most phones open the camera only, and witnesses often took the photos already.
 */
export function PhotoStep({ photos, sending }: { photos: ReturnType<typeof usePhotoQueue>; sending: boolean }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<string | null>(null);

  function addFiles(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])];
    e.target.value = ''; // the same photo can be chosen again after removing it
    const left = photos.add(files, MAX_PHOTOS - photos.items.length);
    setNote(left > 0 ? t('upload.tooMany', { max: MAX_PHOTOS, n: left }) : null);
  }

  return (
    <section className="panel step" aria-labelledby="step-photos">
      <h2 id="step-photos">{t('upload.stepPhotos')}</h2>
      <p className="muted small">{t('upload.photosHint', { max: MAX_PHOTOS })}</p>
      <div className="file-buttons">
        <label className="button file-button">
          {t('upload.takePhoto')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            onChange={addFiles}
            className="visually-hidden"
            data-testid="camera-input"
          />
        </label>
        <label className="button button--secondary file-button">
          {t('upload.fromGallery')}
          <input
            type="file"
            accept="image/*"
            multiple
            onChange={addFiles}
            className="visually-hidden"
            data-testid="gallery-input"
          />
        </label>
      </div>
      {note && (
        <p className="notice notice--warning" role="status">
          {note}
        </p>
      )}
      <PhotoList items={photos.items} onRemove={photos.remove} busy={sending} />
    </section>
  );
}

import './crowd-photos.css';
import type { RefObject } from 'react';
import type { usePhotoZoom } from './use-photo-zoom.ts';

type Zoom = ReturnType<typeof usePhotoZoom>;

/**
 * The zoomable photo of both viewers (the crowd photo dialog and the moderator's review): one zoom
 * model (usePhotoZoom: buttons/keys in steps, ctrl+wheel at the pointer, two-finger pinch, drag to pan).
 * The scale is the image's width relative to the stage; rotation turns the image about its centre.
 */
export function PhotoStage({
  stage,
  zoom,
  src,
  alt,
  rotation = 0,
  className = '',
  testId,
}: {
  stage: RefObject<HTMLDivElement | null>;
  zoom: Zoom;
  src: string;
  alt: string;
  rotation?: number;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      ref={stage}
      className={`viewer__stage${zoom.scale > 1 ? ' is-zoomed' : ''} ${className}`.trim()}
      {...zoom.gestures}
    >
      <img
        src={src}
        alt={alt}
        draggable={false}
        data-testid={testId}
        data-zoom={zoom.scale}
        data-rotation={rotation}
        style={{
          width: `${zoom.scale * 100}%`,
          ...(rotation ? { transform: `rotate(${rotation}deg)`, transformOrigin: 'center' } : {}),
        }}
      />
    </div>
  );
}

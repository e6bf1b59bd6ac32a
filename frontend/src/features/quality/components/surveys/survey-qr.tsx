import { Button } from '@digdir/designsystemet-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { encode } from 'uqr';

import styles from './surveys.module.css';

/** The dark modules of a QR code as one SVG path: a 1 × 1 square per module. */
export function qrPath(text: string): { size: number; path: string } {
  const qr = encode(text, { ecc: 'M', border: 4 });
  const parts: string[] = [];
  qr.data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return { size: qr.data.length, path: parts.join('') };
}

/** A survey link as a QR code (SVG) the unit can print or download, with the link written under it. */
export function SurveyQr({ url, unitName, fileName }: { url: string; unitName: string; fileName: string }) {
  const { t } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  const captionId = useId();
  const { size, path } = qrPath(url);
  const download = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const blob = new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`], { type: 'image/svg+xml' });
    const href = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = href;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(href);
  };
  return (
    <figure className={styles.qr} aria-labelledby={captionId}>
      <svg
        ref={svgRef}
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${size} ${size}`}
        width="160"
        height="160"
        role="img"
        aria-label={t('quality.surveys.links.qrLabel', { unit: unitName })}
        shapeRendering="crispEdges"
        data-testid="survey-qr"
      >
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption id={captionId} className={styles.qrCaption}>
        {t('quality.surveys.links.qrCaption', { unit: unitName })}
      </figcaption>
      <Button variant="tertiary" data-size="sm" onClick={download}>
        <DownloadIcon aria-hidden fontSize="1.25em" />
        {t('quality.surveys.links.qrDownload', { unit: unitName })}
      </Button>
    </figure>
  );
}

/**
 * A page's canonical URL as a QR code, inline SVG made at build time (no script, no request): a clinic prints the
 * facility page and a patient scans it. Error correction M, one module of quiet zone (the page's margin adds more).
 */
import QRCode from 'qrcode';

const OPTIONS = { type: 'svg', margin: 1, errorCorrectionLevel: 'M' } as const;

const labelled = (svg: string, label: string) => {
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" width="160" height="160" `);
};

export async function qrSvg(url: string, label: string): Promise<string> {
  return labelled(await QRCode.toString(url, OPTIONS), label);
}

/**
 * The same, at once: for a page that draws its codes only when it is printed (the `beforeprint` event does not
 * wait for a promise). qrcode calls back before it returns.
 */
export function qrSvgNow(url: string, label: string): string {
  let svg = '';
  QRCode.toString(url, OPTIONS, (err, out) => {
    if (err) throw err;
    svg = out;
  });
  return svg && labelled(svg, label);
}

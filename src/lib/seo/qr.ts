/**
 * A page's canonical URL as a QR code, inline SVG made at build time (no script, no request): a clinic prints the
 * facility page and a patient scans it. Error correction M, one module of quiet zone (the page's margin adds more).
 */
import QRCode from 'qrcode';

export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${escaped}" width="160" height="160" `);
}

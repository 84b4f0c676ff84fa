// The QR code of a patient ID card (issue 22 §2): the registration number only — never a name or a date of
// birth, so a lost card shows nothing a stranger can use without the facility's records. The printed card
// (PDF layer) takes the PNG data URL; the SVG suits the screen.
import QRCode from 'qrcode';

/** Error correction M (15 %): survives a creased or dirty card; a registration number fits in a small symbol. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 2 } as const;

/** A PNG data URL of the QR code; `scale` = pixels per module (8 prints sharp at about 2 cm). */
export async function registrationQrPng(registrationNumber: string, scale = 8): Promise<string> {
  return QRCode.toDataURL(checked(registrationNumber), { ...OPTIONS, type: 'image/png', scale });
}

/** The same code as an SVG document. */
export async function registrationQrSvg(registrationNumber: string): Promise<string> {
  return QRCode.toString(checked(registrationNumber), { ...OPTIONS, type: 'svg' });
}

function checked(registrationNumber: string): string {
  const value = registrationNumber.trim();
  if (value === '' || value.length > 64)
    throw new Error('a registration number of 1 to 64 characters is needed');
  return value;
}

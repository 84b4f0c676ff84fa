// Files for the document tests: a PDF with distinctive bytes, phone photos with GPS EXIF, a renamed program.
import { randomBytes } from 'node:crypto';
import piexif from 'piexifjs';
import sharp from 'sharp';

/** A small but real-looking PDF whose body is random (so any 32 bytes of it are distinctive). */
export function pdfFile(bodyBytes = 64 * 1024): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Length 0 >>\nstream\n', 'latin1'),
    randomBytes(bodyBytes),
    Buffer.from('\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n', 'latin1'),
  ]);
}

/** A Windows program (MZ/PE header) as someone might rename it "lab-result.pdf". */
export function windowsProgram(): Buffer {
  const exe = Buffer.alloc(4096);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  randomBytes(2048).copy(exe, 1024);
  return exe;
}

/** A noisy photo (noise keeps the JPEG realistically large) of `width`×`height`. */
export async function photo(width: number, height: number, quality = 90): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: 120, g: 140, b: 90 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality })
    .toBuffer();
}

export const GPS_LATITUDE: [number, number][] = [
  [9, 1],
  [11, 1],
  [1234, 100],
];

/** The same photo with EXIF: camera model and a GPS position (Kissidougou), as a phone writes it. */
export function withGpsExif(jpeg: Buffer): Buffer {
  const exif = piexif.dump({
    '0th': { [piexif.ImageIFD.Make!]: 'PhoneMaker', [piexif.ImageIFD.Model!]: 'CareCam 3000' },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef!]: 'N',
      [piexif.GPSIFD.GPSLatitude!]: GPS_LATITUDE,
      [piexif.GPSIFD.GPSLongitudeRef!]: 'W',
      [piexif.GPSIFD.GPSLongitude!]: [
        [10, 1],
        [6, 1],
        [0, 1],
      ],
    },
  });
  return Buffer.from(piexif.insert(exif, jpeg.toString('binary')), 'binary');
}

/** Whether a JPEG carries GPS EXIF, read with the same library that wrote it. */
export function hasGps(jpeg: Buffer): boolean {
  try {
    const gps = piexif.load(jpeg.toString('binary')).GPS ?? {};
    return Object.keys(gps).length > 0;
  } catch {
    return false; // no EXIF segment at all
  }
}

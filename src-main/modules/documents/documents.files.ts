// What an attached file becomes before it is stored: its type recognised from its content (never its name),
// photos downscaled and re-encoded without any metadata (EXIF, GPS, camera, ICC), and a small preview. All in
// memory: no file of it is ever written outside the encrypted database, not even a temporary one.
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DOCUMENT_MESSAGES } from '../../../shared/contract/channels/document-messages';
import {
  MAX_IMAGE_SIDE_PX,
  MEGABYTE,
  type DocumentMimeType,
} from '../../../shared/contract/channels/documents';
import { AppError } from '../../../shared/contract';

// libvips' cache would keep decoded patient images in memory after the call; one at a time is plenty here.
sharp.cache(false);

/** Long side of the chart's previews: small enough that 20 of them load with the chart. */
export const THUMBNAIL_SIDE_PX = 240;
/** A phone photo of 50 megapixels is the most we decode (a larger "image" is a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

export interface PreparedFile {
  mimeType: DocumentMimeType;
  bytes: Buffer;
  widthPx: number | null;
  heightPx: number | null;
  sha256: string;
  thumbnail: Buffer | null;
}

const megabytes = (n: number) => (Math.ceil((n / MEGABYTE) * 10) / 10).toFixed(1);

function refuse(message: string, field: string): never {
  throw new AppError('VALIDATION', message, [{ path: 'content', message: field }]);
}

/** Checks size and type, then re-encodes images. Throws VALIDATION (field `content`) when refused. */
export async function prepareFile(bytes: Buffer, limitMegabytes: number): Promise<PreparedFile> {
  if (bytes.length === 0) refuse(DOCUMENT_MESSAGES.empty, 'is empty');
  if (bytes.length > limitMegabytes * MEGABYTE) {
    refuse(DOCUMENT_MESSAGES.tooLarge, `is ${megabytes(bytes.length)} MB; the limit is ${limitMegabytes} MB`);
  }
  const found = await fileTypeFromBuffer(bytes);
  const mime = found?.mime;
  if (mime !== 'application/pdf' && mime !== 'image/jpeg' && mime !== 'image/png') {
    refuse(
      DOCUMENT_MESSAGES.wrongType,
      found
        ? `is ${found.ext.toUpperCase()} content, not a PDF, JPEG or PNG`
        : 'is not a PDF, JPEG or PNG file',
    );
  }
  if (mime === 'application/pdf') {
    return { mimeType: mime, bytes, widthPx: null, heightPx: null, sha256: sha256(bytes), thumbnail: null };
  }
  return prepareImage(bytes, mime);
}

async function prepareImage(input: Buffer, mime: 'image/jpeg' | 'image/png'): Promise<PreparedFile> {
  try {
    // rotate() applies the EXIF orientation first, so the photo stays upright once the EXIF is gone; sharp
    // writes no metadata unless asked (no keepMetadata/withMetadata here).
    const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate().resize({
      width: MAX_IMAGE_SIDE_PX,
      height: MAX_IMAGE_SIDE_PX,
      fit: 'inside',
      withoutEnlargement: true,
    });
    const encoded =
      mime === 'image/jpeg'
        ? pipeline.jpeg({ quality: 85, chromaSubsampling: '4:2:0' })
        : pipeline.png({ compressionLevel: 6 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data)
      .resize({ width: THUMBNAIL_SIDE_PX, height: THUMBNAIL_SIDE_PX, fit: 'inside' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 70 })
      .toBuffer();
    return {
      mimeType: mime,
      bytes: data,
      widthPx: info.width,
      heightPx: info.height,
      sha256: sha256(data),
      thumbnail,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    return refuse(DOCUMENT_MESSAGES.unreadableImage, 'is an image that could not be read');
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

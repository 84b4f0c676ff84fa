// The part of piexifjs (no published types) the document tests use to write GPS EXIF into a JPEG.
declare module 'piexifjs' {
  type IfdValue = string | number | number[] | [number, number][];
  interface ExifObject {
    '0th'?: Record<number, IfdValue>;
    Exif?: Record<number, IfdValue>;
    GPS?: Record<number, IfdValue>;
  }
  const piexif: {
    dump(exif: ExifObject): string;
    insert(exif: string, jpeg: string): string;
    load(jpeg: string): ExifObject;
    ImageIFD: Record<string, number>;
    GPSIFD: Record<string, number>;
  };
  export default piexif;
}

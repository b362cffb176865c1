export {
  formatVoucherCode,
  generateVoucherCode,
  generateVoucherCodes,
  parseVoucherCode,
  VOUCHER_CODE_LENGTH,
} from './voucher-code';
export type { VoucherCodeParseResult } from './voucher-code';
export { QR_PAYLOAD_VERSION } from './qr-payload';
export type { QrVerificationResult } from './qr-payload';
export { SigningKeyRing, verifyQrWithPublicJwks } from './qr-signing';
export type { PublicSigningJwk, ReceivedJwk, SerializedSigningKeyRing, SigningKeyInput } from './qr-signing';
export { qrPngBuffer, qrPngDataUrl, qrSvg } from './qr-image';
export type { QrImageOptions } from './qr-image';
export { renderBookPdf } from './book-pdf';
export { DEFAULT_BRAND, voucherFace } from './voucher-face';
export type { Brand, PrintableBook, PrintableVoucher, VoucherFace } from './voucher-face';
export { formatEuros, formatFrenchDate } from './french-format';
export { renderTableDocumentPdf } from './table-document-pdf';
export type { TableDocument } from './table-document-pdf';

package org.bigdatalab.dfs.reference;

/**
 * Multiplication of a CRC32C by a fixed power of x modulo its polynomial, by table: appending
 * {@code n} bytes to a message shifts its CRC this way before the new bytes' CRC is added, which
 * is how the CRCs of two pieces combine into the CRC of both (as zlib's {@code crc32_combine}).
 * Values are in CRC32C's reflected bit order: x^0 is the top bit.
 */
final class CrcShift {
  /** The reflected CRC32C (Castagnoli) polynomial. */
  private static final int POLY = 0x82F63B78;
  /** Shifts a CRC past one whole chunk of checksummed bytes. */
  static final CrcShift CHUNK_SHIFT = new CrcShift(Checksums.CHUNK);
  /** Shifts past two, three and four whole chunks: {@link Checksums#combined} keeps four chains apart. */
  static final CrcShift TWO_CHUNKS = new CrcShift(2L * Checksums.CHUNK);
  static final CrcShift THREE_CHUNKS = new CrcShift(3L * Checksums.CHUNK);
  static final CrcShift FOUR_CHUNKS = new CrcShift(4L * Checksums.CHUNK);

  private final int[] table = new int[4 * 256];

  /** The shift past {@code bytes} bytes. */
  CrcShift(long bytes) {
    int power = xToThe8n(bytes);
    for (int k = 0; k < 4; k++) {
      for (int b = 0; b < 256; b++) {
        table[k * 256 + b] = multiply(power, b << (8 * k));
      }
    }
  }

  /** {@code crc} times x^(8 * bytes), modulo the polynomial. */
  int apply(int crc) {
    return table[crc & 0xFF] ^ table[256 + ((crc >>> 8) & 0xFF)] ^ table[512 + ((crc >>> 16) & 0xFF)] ^ table[768 + (crc >>> 24)];
  }

  /** x^(8n) mod the polynomial, by squaring. */
  private static int xToThe8n(long n) {
    int result = 1 << 31; // x^0
    int square = 1 << 23; // x^8: one byte
    for (long m = n; m != 0; m >>>= 1) {
      if ((m & 1) != 0) {
        result = multiply(square, result);
      }
      square = multiply(square, square);
    }
    return result;
  }

  /** a * b modulo the polynomial, in reflected order (zlib's multmodp). */
  private static int multiply(int a, int b) {
    int product = 0;
    for (int bit = 1 << 31; bit != 0; bit >>>= 1) {
      if ((a & bit) != 0) {
        product ^= b;
      }
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return product;
  }
}

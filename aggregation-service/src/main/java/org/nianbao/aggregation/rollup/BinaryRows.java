package org.nianbao.aggregation.rollup;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in the binary format of PostgreSQL's COPY ({@code COPY t (…) FROM STDIN (FORMAT binary)}), for the rebuild's
 * bulk writes. PostgreSQL parses a number in text at about 85 ns; a rebuild writes some 230 million of them in the
 * report states and 75 million in the roll-up rows, and the step that writes the states keeps both cores busy
 * (BENCHMARKS.md, section 4). Binary numbers are taken as they are, and Java writes them without any text.
 * <p>
 * Each value must have exactly its column's type (an array also names its element type): PostgreSQL refuses the
 * COPY otherwise, so a column changed by a later migration fails loudly rather than storing something else.
 */
public final class BinaryRows {

    /** Element types of the arrays written here (pg_type oids). */
    public static final int INT4 = 23;
    public static final int VARCHAR = 1043;
    public static final int NUMERIC = 1700;

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final long EPOCH_2000_SECONDS = 946_684_800L; // PostgreSQL counts time from 2000-01-01 UTC
    private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;

    private byte[] buf;
    private int size;
    private int rows;

    public BinaryRows(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
        put(SIGNATURE);
        int4Raw(0); // flags
        int4Raw(0); // no header extension
    }

    /** Bytes written so far, header included. */
    public int size() {
        return size;
    }

    public int rows() {
        return rows;
    }

    /** The COPY data: the header, the rows and the end marker. Call once, after the last row. */
    public InputStream stream() {
        int2Raw(-1);
        return new ByteArrayInputStream(buf, 0, size);
    }

    public BinaryRows row(int fields) {
        rows++;
        int2Raw(fields);
        return this;
    }

    public BinaryRows nul() {
        int4Raw(-1);
        return this;
    }

    public BinaryRows text(String value) {
        if (value == null) {
            return nul();
        }
        int lengthAt = size;
        int4Raw(0);
        utf8(value);
        patchLength(lengthAt);
        return this;
    }

    /** A jsonb value: the version of its binary form (1), then the JSON text. */
    public BinaryRows jsonb(String json) {
        int lengthAt = size;
        int4Raw(0);
        ensure(1);
        buf[size++] = 1;
        utf8(json);
        patchLength(lengthAt);
        return this;
    }

    public BinaryRows int4(int value) {
        int4Raw(4);
        int4Raw(value);
        return this;
    }

    public BinaryRows date(LocalDate value) {
        if (value == null) {
            return nul();
        }
        int4Raw(4);
        int4Raw(Math.toIntExact(value.toEpochDay() - EPOCH_2000_DAYS));
        return this;
    }

    /** Microseconds, rounded as PostgreSQL rounds a timestamp given as text: to the nearest, a tie to the even one. */
    public BinaryRows timestamptz(OffsetDateTime value) {
        if (value == null) {
            return nul();
        }
        long micros = (value.toEpochSecond() - EPOCH_2000_SECONDS) * 1_000_000L + (long) Math.rint(value.getNano() / 1000.0);
        int4Raw(8);
        int8Raw(micros);
        return this;
    }

    public BinaryRows varcharArray(List<String> values) {
        int lengthAt = arrayStart(values.size(), false, VARCHAR);
        for (String v : values) {
            text(v);
        }
        patchLength(lengthAt);
        return this;
    }

    /** A numeric array of {@code values[0..length)}, NULL where an element is null. */
    public BinaryRows numericArray(BigDecimal[] values, int length) {
        boolean nulls = false;
        for (int i = 0; i < length && !nulls; i++) {
            nulls = values[i] == null;
        }
        int lengthAt = arrayStart(length, nulls, NUMERIC);
        for (int i = 0; i < length; i++) {
            if (values[i] == null) {
                nul();
            } else {
                numeric(values[i]);
            }
        }
        patchLength(lengthAt);
        return this;
    }

    /**
     * Starts an array value of one dimension counting from 1, as an array literal in braces gives; its elements
     * follow, then {@link #endArray(int)} with the returned mark. Empty arrays have no dimension, as {@code '{}'}.
     */
    public int arrayStart(int length, boolean hasNulls, int elementType) {
        int lengthAt = size;
        int4Raw(0);
        int4Raw(length == 0 ? 0 : 1);
        int4Raw(hasNulls ? 1 : 0);
        int4Raw(elementType);
        if (length > 0) {
            int4Raw(length);
            int4Raw(1);
        }
        return lengthAt;
    }

    public BinaryRows endArray(int mark) {
        patchLength(mark);
        return this;
    }

    /** One numeric, exact: its base-10,000 digits, with the scale it was given (0.50 stays 0.50). */
    public BinaryRows numeric(BigDecimal value) {
        if (value.scale() <= 0 && value.precision() - value.scale() <= 18) {
            return numeric(value.longValueExact());
        }
        String[] parts = value.abs().toPlainString().split("\\.");
        String whole = parts[0];
        String fraction = parts.length > 1 ? parts[1] : "";
        int wholeGroups = (whole.length() + 3) / 4;
        String padded = "0".repeat(wholeGroups * 4 - whole.length()) + whole
                + fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        short[] digits = new short[padded.length() / 4];
        for (int k = 0; k < digits.length; k++) {
            digits[k] = (short) Integer.parseInt(padded, 4 * k, 4 * k + 4, 10);
        }
        int first = 0;
        while (first < digits.length && digits[first] == 0) {
            first++;
        }
        int last = digits.length;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        int weight = first == last ? 0 : wholeGroups - 1 - first;
        short sign = value.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE;
        return numericDigits(Arrays.copyOfRange(digits, first, last), weight, sign, Math.max(0, value.scale()));
    }

    /** One whole number as a numeric, straight from the {@code long}: the digits of almost every cell. */
    public BinaryRows numeric(long value) {
        if (value == Long.MIN_VALUE) {
            return numeric(BigDecimal.valueOf(value).setScale(0)); // no positive long for its magnitude
        }
        long magnitude = Math.abs(value);
        short[] groups = new short[5]; // a long has at most 19 digits: 5 groups of 4
        int n = 0;
        while (magnitude > 0) {
            groups[n++] = (short) (magnitude % 10_000);
            magnitude /= 10_000;
        }
        int low = 0; // trailing zero groups are left out; the weight keeps the magnitude
        while (low < n && groups[low] == 0) {
            low++;
        }
        int4Raw(8 + 2 * (n - low));
        int2Raw(n - low);
        int2Raw(n == 0 ? 0 : n - 1);
        int2Raw(value < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        int2Raw(0);
        for (int k = n - 1; k >= low; k--) {
            int2Raw(groups[k]);
        }
        return this;
    }

    private BinaryRows numericDigits(short[] digits, int weight, short sign, int scale) {
        int4Raw(8 + 2 * digits.length);
        int2Raw(digits.length);
        int2Raw(weight);
        int2Raw(digits.length == 0 ? NUMERIC_POSITIVE : sign);
        int2Raw(scale);
        for (short d : digits) {
            int2Raw(d);
        }
        return this;
    }

    private void patchLength(int lengthAt) {
        int length = size - lengthAt - 4;
        buf[lengthAt] = (byte) (length >>> 24);
        buf[lengthAt + 1] = (byte) (length >>> 16);
        buf[lengthAt + 2] = (byte) (length >>> 8);
        buf[lengthAt + 3] = (byte) length;
    }

    private void utf8(String value) {
        // almost every text here is ASCII (codes, dates); names are Chinese and take the encoder
        int n = value.length();
        ensure(n);
        int i = 0;
        while (i < n) {
            char ch = value.charAt(i);
            if (ch >= 0x80) {
                break;
            }
            buf[size++] = (byte) ch;
            i++;
        }
        if (i < n) {
            put(value.substring(i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    private void int2Raw(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void int4Raw(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void int8Raw(long v) {
        int4Raw((int) (v >>> 32));
        int4Raw((int) v);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}

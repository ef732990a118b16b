package io.gatepass.cli.internal.aws.output;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected spellings are what Python 3's repr(float) prints for the same values. */
class PythonScalarsTest {

    @Test
    void floatRepr_spellsFloatsAsPythonRepr() {
        assertThat(PythonScalars.floatRepr(1.0)).isEqualTo("1.0");
        assertThat(PythonScalars.floatRepr(2.5)).isEqualTo("2.5");
        assertThat(PythonScalars.floatRepr(0.1)).isEqualTo("0.1");
        assertThat(PythonScalars.floatRepr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonScalars.floatRepr(0.00001)).isEqualTo("1e-05");
        assertThat(PythonScalars.floatRepr(-1.5e-7)).isEqualTo("-1.5e-07");
        assertThat(PythonScalars.floatRepr(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PythonScalars.floatRepr(1e16)).isEqualTo("1e+16");
        assertThat(PythonScalars.floatRepr(1.2345678901234568e17)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonScalars.floatRepr(1e22)).isEqualTo("1e+22");
        assertThat(PythonScalars.floatRepr(123456789.123)).isEqualTo("123456789.123");
        assertThat(PythonScalars.floatRepr(2e-3)).isEqualTo("0.002");
        assertThat(PythonScalars.floatRepr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonScalars.floatRepr(5e-324)).isEqualTo("5e-324");
    }
}

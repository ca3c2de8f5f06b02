package org.cratesim.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The least-squares fits of {@link CostCalibration}: non-negative least squares, and least squares
 * of logarithms (relative errors) with non-negative coefficients and an optional fixed offset per
 * row. Deterministic, to the bit.
 */
final class LogLeastSquares {
  private LogLeastSquares() {}

  /**
   * Non-negative least squares, min |A x - b|² with x >= 0, exactly: every subset of free columns
   * is solved unconstrained and the best feasible one wins (fine for a few columns).
   */
  static double[] nnls(double[][] a, double[] b) {
    int p = a[0].length;
    if (p > 10) {
      throw new IllegalArgumentException("nnls: at most 10 columns");
    }
    double[] best = new double[p];
    double bestObj = sumSquares(a, b, best);
    for (int mask = 1; mask < (1 << p); mask++) {
      int k = Integer.bitCount(mask);
      int[] cols = new int[k];
      for (int j = 0, c = 0; j < p; j++) {
        if ((mask & (1 << j)) != 0) {
          cols[c++] = j;
        }
      }
      double[][] sub = new double[a.length][k];
      for (int i = 0; i < a.length; i++) {
        for (int c = 0; c < k; c++) {
          sub[i][c] = a[i][cols[c]];
        }
      }
      RealVector sol;
      try {
        sol =
            new QRDecomposition(MatrixUtils.createRealMatrix(sub), 1e-12)
                .getSolver()
                .solve(new ArrayRealVector(b, false));
      } catch (SingularMatrixException e) {
        continue;
      }
      double[] x = new double[p];
      boolean feasible = true;
      for (int c = 0; c < k; c++) {
        double v = sol.getEntry(c);
        if (!(v >= 0)) {
          feasible = false;
          break;
        }
        x[cols[c]] = v;
      }
      if (!feasible) {
        continue;
      }
      double obj = sumSquares(a, b, x);
      if (obj < bestObj) {
        bestObj = obj;
        best = x;
      }
    }
    return best;
  }

  private static double sumSquares(double[][] a, double[] b, double[] x) {
    double s = 0;
    for (int i = 0; i < b.length; i++) {
      double r = -b[i];
      for (int j = 0; j < x.length; j++) {
        r += a[i][j] * x[j];
      }
      s += r * r;
    }
    return s;
  }

  /**
   * Least squares in log space with non-negative coefficients: minimises Σ (ln(offset_i + Σ_j x_ij
   * θ_j) - ln y_i)² over θ >= 0, by Gauss-Newton steps that are each a non-negative least-squares
   * problem, with step halving. {@code offset} may be null (zero). Every y must be > 0, and every
   * row must be able to predict > 0.
   */
  static double[] logFit(double[][] x, double[] y, double[] offset) {
    int n = y.length;
    int p = x[0].length;
    double[] off = offset == null ? new double[n] : offset;
    for (double v : y) {
      if (!(v > 0)) {
        throw new IllegalArgumentException("logFit: y must be > 0, was " + v);
      }
    }
    // start: each coefficient explains an equal part of the median ratio
    double[] theta = new double[p];
    for (int j = 0; j < p; j++) {
      List<Double> r = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (x[i][j] > 0) {
          r.add(Math.max(y[i] - off[i], y[i] * 1e-3) / x[i][j]);
        }
      }
      theta[j] =
          r.isEmpty() ? 0 : median(r.stream().mapToDouble(Double::doubleValue).toArray()) / p;
    }
    double obj = logObjective(x, y, off, theta);
    if (Double.isInfinite(obj)) {
      throw new IllegalArgumentException("logFit: a row cannot be predicted > 0");
    }
    double[][] a = new double[n][p];
    double[] b = new double[n];
    for (int it = 0; it < 500; it++) {
      for (int i = 0; i < n; i++) {
        double m = model(x[i], off[i], theta);
        for (int j = 0; j < p; j++) {
          a[i][j] = x[i][j] / m;
        }
        b[i] = Math.log(y[i]) - Math.log(m) + (m - off[i]) / m;
      }
      double[] target = nnls(a, b);
      double step = 1;
      double[] next = theta;
      double nextObj = obj;
      while (step > 1e-12) {
        double[] cand = new double[p];
        for (int j = 0; j < p; j++) {
          cand[j] = Math.max(0, theta[j] + step * (target[j] - theta[j]));
        }
        double c = logObjective(x, y, off, cand);
        if (c <= obj) {
          next = cand;
          nextObj = c;
          break;
        }
        step /= 2;
      }
      double change = 0;
      for (int j = 0; j < p; j++) {
        change =
            Math.max(
                change,
                Math.abs(next[j] - theta[j])
                    / Math.max(1e-300, Math.abs(next[j]) + Math.abs(theta[j])));
      }
      theta = next;
      boolean flat = obj - nextObj <= 1e-15 * Math.max(1e-300, obj);
      obj = nextObj;
      if (change < 1e-13 || (flat && change < 1e-9)) {
        break;
      }
    }
    return theta;
  }

  private static double model(double[] row, double off, double[] theta) {
    double m = off;
    for (int j = 0; j < theta.length; j++) {
      m += row[j] * theta[j];
    }
    return m;
  }

  private static double logObjective(double[][] x, double[] y, double[] off, double[] theta) {
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double m = model(x[i], off[i], theta);
      if (!(m > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      double d = Math.log(m) - Math.log(y[i]);
      s += d * d;
    }
    return s;
  }

  static double[] predict(double[][] x, double[] theta, double[] offset) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = model(x[i], offset == null ? 0 : offset[i], theta);
    }
    return out;
  }

  /** The median of {@code v}; NaN when empty. */
  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int h = s.length / 2;
    return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
  }
}

package dev.aebench.probe;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/**
 * Adds an L2 penalty to Tribuo's linear SGD, which has none: before each step of the wrapped
 * optimiser, a multiple of {@code l2 * W} is taken off the gradient of the weight matrix (Tribuo's
 * gradients point uphill in log-likelihood), leaving the intercept column (the last, Tribuo's
 * bias feature) alone.
 * <p>
 * Tribuo 4.3 passes a minibatch of size B to the optimiser as B times the sum of the example
 * gradients, i.e. B^2 times their mean, so taking off {@code B^2 * l2 * W} makes the step follow
 * mean cross-entropy + {@code l2/2 * |W|^2}. {@code LinearProbeTest} checks this against an
 * independent solver.
 */
final class L2WeightDecay implements StochasticGradientOptimiser {
    private final StochasticGradientOptimiser inner;
    private final double l2;
    private final int minibatchSize;
    private DenseMatrix weights;

    L2WeightDecay(StochasticGradientOptimiser inner, double l2, int minibatchSize) {
        this.inner = inner;
        this.l2 = l2;
        this.minibatchSize = minibatchSize;
    }

    @Override
    public void initialise(Parameters parameters) {
        inner.initialise(parameters);
        Tensor[] tensors = parameters.get();
        if (tensors.length != 1 || !(tensors[0] instanceof DenseMatrix matrix)) {
            throw new IllegalStateException("expected Tribuo's linear parameters (one dense matrix)");
        }
        weights = matrix;
    }

    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
        if (!(updates[0] instanceof DenseMatrix gradient)) {
            throw new IllegalStateException("expected a dense gradient, got " + updates[0].getClass().getName());
        }
        double decay = (double) minibatchSize * minibatchSize * l2;
        int outputs = gradient.getDimension1Size();
        int columnsWithoutBias = gradient.getDimension2Size() - 1;
        for (int i = 0; i < outputs; i++) {
            for (int j = 0; j < columnsWithoutBias; j++) {
                gradient.add(i, j, -decay * weights.get(i, j));
            }
        }
        return inner.step(updates, weight);
    }

    @Override
    public void finalise() {
        inner.finalise();
    }

    @Override
    public void reset() {
        inner.reset();
        weights = null;
    }

    @Override
    public L2WeightDecay copy() {
        return new L2WeightDecay(inner.copy(), l2, minibatchSize);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return "L2WeightDecay(l2=" + l2 + ", " + inner + ")";
    }
}

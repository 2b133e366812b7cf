package dev.aebench.probe;

import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.math.optimisers.SGD;

/**
 * Tribuo's gradient optimisers that the probe offers. The learning rate is the step taken on
 * the mean gradient of a minibatch for plain SGD: Tribuo 4.3 hands its optimiser B^2 times that
 * mean for a minibatch of size B, so SGD is given {@code rate / B^2}; AdaGrad divides the scale
 * out itself. Tribuo 4.3.2's Adam is not offered: it multiplies by the root of its second-moment
 * estimate instead of dividing by it (fixed upstream after 4.3.2, oracle/tribuo#401).
 */
public enum ProbeOptimiser {
    /**
     * AdaGrad (Tribuo's epsilon 0.1) whose answer is the average of all iterates
     * (Tribuo's {@link ParameterAveraging}); the default.
     */
    AVERAGED_ADAGRAD {
        @Override
        StochasticGradientOptimiser create(double learningRate, int minibatchSize) {
            return new ParameterAveraging(new AdaGrad(learningRate, 0.1));
        }
    },
    /** AdaGrad returning its last iterate. */
    ADAGRAD {
        @Override
        StochasticGradientOptimiser create(double learningRate, int minibatchSize) {
            return new AdaGrad(learningRate, 0.1);
        }
    },
    /** Constant-step SGD whose answer is the average of all iterates. */
    AVERAGED_SGD {
        @Override
        StochasticGradientOptimiser create(double learningRate, int minibatchSize) {
            return new ParameterAveraging(SGD.getSimpleSGD(learningRate / ((double) minibatchSize * minibatchSize)));
        }
    };

    abstract StochasticGradientOptimiser create(double learningRate, int minibatchSize);
}

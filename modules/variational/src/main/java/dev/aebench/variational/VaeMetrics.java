package dev.aebench.variational;

import dev.aebench.core.metric.MetricDescription;
import dev.aebench.core.metric.MetricProvider;

import java.util.List;

/** The variational autoencoder's own metrics (per test sample, one z sample each). */
public final class VaeMetrics implements MetricProvider {
    @Override
    public List<MetricDescription> metrics() {
        return List.of(
                MetricDescription.higher("test_elbo", "nats", "evidence lower bound per test sample"),
                MetricDescription.lower("test_recon", "nats", "reconstruction negative log-likelihood per test sample"),
                MetricDescription.neither("test_kl", "nats", "KL divergence of the posterior from the prior per test sample"));
    }
}

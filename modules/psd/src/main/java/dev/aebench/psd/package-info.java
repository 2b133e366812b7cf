/**
 * Predictive sparse decomposition, the family {@code psd} (Kavukcuoglu, Ranzato and LeCun 2008):
 * a linear decoder, a dictionary of unit-norm atoms {@code x ~ h D}, and an encoder
 * {@code f(x) = shrink(x W + b, theta)} trained to predict the sparse codes that a few FISTA
 * steps infer on the energy {@code ||x - h D||^2 + lambda ||h||_1 + alpha ||h - f(x)||^2}.
 * Training alternates inference (codes fixed afterwards) with one Adam step on D and the
 * encoder, then renormalises the atoms; at test time the encoder alone gives the codes.
 */
package dev.aebench.psd;

package dev.aebench.runner.cli;

import dev.aebench.core.model.HyperParameter;
import dev.aebench.core.model.ModelFamily;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.core.objective.CorruptionProvider;
import dev.aebench.core.objective.ObjectiveRegistry;
import dev.aebench.core.objective.PenaltyProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;

/** {@code aebench models}: every family with its hyperparameters, defaults and meaning. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List model families, their hyperparameters (for --set), penalties and corruptions.")
public final class ModelsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "show only this family")
    String only;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRegistry registry = ModelRegistry.load();
        List<ModelFamily> families = only == null ? registry.all() : List.of(registry.get(only));
        for (ModelFamily f : families) {
            out.printf("%s — %s%n", f.name(), f.summary());
            for (HyperParameter h : f.hyperParameters()) {
                String expect = h.kind() == HyperParameter.Kind.TEXT ? "text" : h.expectation();
                out.printf("    %-14s default %-10s %s; %s%n", h.name(), h.defaultValue(), h.meaning(), expect);
            }
            out.println();
        }
        if (only == null) {
            ObjectiveRegistry objectives = ObjectiveRegistry.load();
            out.println("penalties (--set penalty=NAME:WEIGHT[:PARAM], joined by +):");
            for (PenaltyProvider p : objectives.penalties()) {
                out.printf("    %-14s %s%n", p.name(), p.meaning());
            }
            out.println("corruptions (--set corruption=NAME:LEVEL):");
            for (CorruptionProvider c : objectives.corruptions()) {
                out.printf("    %-14s %s%n", c.name(), c.meaning());
            }
        }
        out.flush();
    }
}

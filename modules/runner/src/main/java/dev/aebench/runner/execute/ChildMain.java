package dev.aebench.runner.execute;

import dev.aebench.core.data.DataLocator;
import dev.aebench.core.data.TrainTestData;
import dev.aebench.core.kernel.KernelWarmup;
import dev.aebench.core.model.ModelRegistry;
import dev.aebench.runner.store.AtomicFiles;
import dev.aebench.runner.store.AttemptLog;
import dev.aebench.runner.trial.TrialRunner;

import java.io.PrintStream;

/**
 * Entry point of a trial process: {@code ChildMain --request JSON}. Watches its runner, loads the
 * data, notes the start in the attempt log, runs the trial, prints its progress lines on stdout
 * and leaves the outcome (a result, or a failure with its message) in the request's result file,
 * written atomically and only while the runner still lives. Exit code 0 whenever that file was
 * written; anything else is a crash the runner records itself.
 */
public final class ChildMain {
    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--request")) {
            System.err.println("usage: ChildMain --request JSON (started by aebench run)");
            System.exit(2);
        }
        KernelWarmup.startInBackground(); // JIT-compiles the kernels while the data is read
        ChildRequest request = ChildRequest.fromJson(args[1]);
        ParentWatch.start(request.parentPid());
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        TrialOutcome outcome;
        try {
            TrainTestData data = DataLocator.load(request.data());
            AttemptLog.started(request.attempts(), request.trial().id());
            outcome = TrialWork.run(new TrialRunner(ModelRegistry.load()), request.trial(), request.threads(), data, request.artifacts(),
                    request.checkpoints(),
                    line -> {
                        out.println(line);
                        out.flush();
                    });
        } catch (Exception | OutOfMemoryError e) {
            outcome = TrialWork.failure(e, (System.nanoTime() - t0) / 1e9);
        }
        if (!ParentWatch.alive(request.parentPid())) {
            Runtime.getRuntime().halt(ParentWatch.EXIT_ORPHANED);
        }
        AtomicFiles.write(request.result(), outcome.toJson());
        out.flush();
        System.exit(0);
    }
}

package dev.reload.autoconfigure.engine;

import org.jspecify.annotations.Nullable;

/**
 * What turns edited source files into class files before a reload looks at the class
 * files: the compile an IDE does on save, done by the starter. A reload compiles first; a
 * source that does not compile fails the reload, and nothing is switched.
 *
 * @author reload-spring-boot
 */
public interface SourceCompilation {

	/**
	 * No source compilation: only class files a build or an IDE writes are reloaded.
	 */
	SourceCompilation NONE = new SourceCompilation() {

		@Override
		public boolean needsAttention() {
			return false;
		}

		@Override
		public boolean awaitSettled(long deadlineNanos) {
			return false;
		}

		@Override
		public boolean compile(boolean retryRejected) {
			return false;
		}

		@Override
		public void onChangePending(@Nullable Runnable listener) {
		}

	};

	/**
	 * Return whether sources are being written or wait to be compiled. A volatile read.
	 * @return whether there is anything to do
	 */
	boolean needsAttention();

	/**
	 * Wait until the source files have been quiet for the quiet period, at most until the
	 * deadline.
	 * @param deadlineNanos the {@link System#nanoTime()} to give up at
	 * @return whether edited sources wait to be compiled
	 * @throws InterruptedException if the thread is interrupted while waiting
	 */
	boolean awaitSettled(long deadlineNanos) throws InterruptedException;

	/**
	 * Compile the edited sources, and those that must follow them, into the reload
	 * directories. Sources whose compilation failed are not compiled again until they
	 * change, unless asked to.
	 * @param retryRejected whether to compile sources that failed before and have not
	 * changed since
	 * @return whether class files or copies of resources were written or deleted
	 * @throws RuntimeException with the compiler's messages, naming each file and line,
	 * when a source does not compile; nothing is written then
	 */
	boolean compile(boolean retryRejected);

	/**
	 * Set what to call, on the watcher's thread, when edited sources have settled.
	 * @param listener the listener, or {@code null} for none
	 */
	void onChangePending(@Nullable Runnable listener);

}

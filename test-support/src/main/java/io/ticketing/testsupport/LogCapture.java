package io.ticketing.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/**
 * Collects what one logger of the service under test writes, down to debug, with each line's MDC as
 * it was when the line was written. Close it to put the logger back as it was.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        this.levelBefore = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(this);
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    /** The lines whose formatted message starts with {@code prefix}. */
    public List<ExtLogRecord> startingWith(String prefix) {
        return records.stream().filter(record -> record.getFormattedMessage().startsWith(prefix)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord line = (ExtLogRecord) record;
        line.copyMdc();
        records.add(line);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(levelBefore);
    }
}

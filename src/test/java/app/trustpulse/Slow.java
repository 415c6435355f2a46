package app.trustpulse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that starts, kills or restarts whole service instances, attacks the database files of a full week, or drives
 * a browser. {@code ./mvnw test} leaves these out, so the inner loop stays short; {@code ./mvnw verify} (and CI) runs
 * them after the others, with the failsafe plugin.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {

    String TAG = "slow";
}

package org.nianbao.model.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event's data that the event's JSON may hold as null; every other field is always there and never
 * null. The event schemas ({@link EventSchemas}) are generated from the data records and say so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Nullable {
}

/** A renderer compatible with Go's text/template and the sprig functions message templates use. */
@NullMarked
package dev.tributary.templates;

import org.jspecify.annotations.NullMarked;

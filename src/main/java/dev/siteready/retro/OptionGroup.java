package dev.siteready.retro;

import dev.siteready.web.Option;

import java.util.List;

/** Options under a heading, as a select's optgroup shows them. */
record OptionGroup(String label, List<Option> options) {
}

#pragma once
// What the national model reads and writes, listed from its one declaration each: the output
// quantities (`unrest outputs`), the behaviour parameters and the other keys of a scenario
// (`unrest scenarios --keys`). The
// Markdown and TOML forms are the README's tables, which tests keep equal to them.
namespace unrest::cli {

void print_outputs(bool markdown);
void print_parameter_keys(bool toml);

}  // namespace unrest::cli

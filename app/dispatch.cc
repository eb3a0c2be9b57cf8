#include <ostream>

#include "app/command.h"
#include "app/exit_code.h"

namespace backscroll::app {

void print_command_list(std::ostream& out) {
  out << "Commands:\n";
  for (const Command& c : commands()) {
    std::string name = c.name;
    name.resize(10, ' ');
    out << "  " << name << c.summary << '\n';
  }
}

int dispatch(const std::string& name, const Invocation& inv) {
  const Command* command = nullptr;
  for (const Command& c : commands())
    if (name == c.name) command = &c;
  if (!command) {
    inv.err << "backscroll: unknown command '" << name << "'\n";
    print_command_list(inv.err);
    return kExitUsage;
  }

  po::options_description options(std::string("Usage: backscroll ") + command->name + " " +
                                  command->usage + "\n\n" + command->summary + "\n\nOptions");
  options.add_options()("help,h", "show this help");
  po::positional_options_description positional;
  command->describe(options, positional);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(inv.args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      inv.out << options;
      if (*command->details) inv.out << '\n' << command->details;
      return kExitOk;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    inv.err << "backscroll " << command->name << ": " << e.what() << "\n"
            << "Try 'backscroll " << command->name << " --help'.\n";
    return kExitUsage;
  }

  store::OpenMode mode = command->run_write ? store::OpenMode::kWritable : store::OpenMode::kReadOnly;
  auto archive = store::Archive::open(store_dir(inv.global), mode);
  if (!archive) return report_error(inv.err, archive.error());
  if (command->run_write) return command->run_write(inv, vm, **archive);
  return command->run_read(inv, vm, **archive);
}

}  // namespace backscroll::app

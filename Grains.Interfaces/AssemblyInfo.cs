// Grain interfaces and the records they exchange live here; they carry no logic.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("OrleansAssistant.Grains")]
